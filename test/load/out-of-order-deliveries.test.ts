/**
 * A source's events for one member delivered out of order, each twice, in parallel batches
 * spread over two app instances on one database: a reversal may arrive before the event it
 * takes back (refused, and delivered again later, as a sender retries). Afterwards the figures
 * are those of an orderly delivery, every event is in the ledger once, and a rebuild agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { rebuildFigures } from '../../src/core/scoring/rebuild-figures.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import { FORUM_SOURCE, postEvents } from '../support/intake-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { uniqueDatabaseName } from '../support/database.js';

dayjs.extend(utc);

const TENANT = FORUM_SOURCE.tenant;
const MEMBER = 'U_ORDER';
/** Requests in flight at once. */
const PARALLEL = 4;
const BATCH_SIZE = 3;

interface SourceEvent {
  id: string;
  activity: string;
  member: string;
  occurredAt: string;
  reverses?: string;
}

/**
 * Upvotes (10 points, 50 a day at most) on the three days before today (all in the past,
 * whatever the hour), apps (50, uncapped) and the once-only MVP status (300), sent twice.
 */
function buildEvents(): { events: SourceEvent[]; expectedByDay: Map<string, number> } {
  const yesterday = dayjs.utc().startOf('day').subtract(1, 'day');
  const upvotesByDay = [8, 3, 7];
  const events: SourceEvent[] = [];
  const expectedByDay = new Map<string, number>();

  upvotesByDay.forEach((count, back) => {
    const day = yesterday.subtract(back, 'day');
    for (let index = 0; index < count; index++) {
      const occurredAt = day.add(index + 1, 'minute').toISOString();
      events.push(event(`vote-${back}-${index}`, 'community.upvote_received', occurredAt));
    }
    expectedByDay.set(day.format('YYYY-MM-DD'), Math.min(count * 10, 50));
  });

  const appDay = yesterday.subtract(1, 'day');
  for (let index = 0; index < 4; index++) {
    const occurredAt = appDay.add(2, 'hour').add(index, 'minute').toISOString();
    events.push(event(`app-${index}`, 'marketplace.app_published', occurredAt));
  }
  // The second app is taken back; the reversal counts on its own day.
  const undoneAt = appDay.add(3, 'hour').toISOString();
  events.push({
    ...event('app-1-undone', 'marketplace.app_published', undoneAt),
    reverses: 'app-1',
  });
  const mvpAt = appDay.add(4, 'hour').toISOString();
  events.push(event('mvp-a', 'impact.mvp_status_reached', mvpAt));
  events.push(event('mvp-b', 'impact.mvp_status_reached', mvpAt));

  const appsDay = appDay.format('YYYY-MM-DD');
  expectedByDay.set(appsDay, expectedByDay.get(appsDay)! + 4 * 50 - 50 + 300);
  return { events, expectedByDay };
}

function event(id: string, activity: string, occurredAt: string): SourceEvent {
  return { id, activity, member: MEMBER, occurredAt };
}

/** A fixed shuffle, so that a failure can be run again in the same order. */
function shuffle<T>(items: T[], seed = 7): T[] {
  const shuffled = [...items];
  let state = seed;
  for (let index = shuffled.length - 1; index > 0; index--) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const other = state % (index + 1);
    [shuffled[index], shuffled[other]] = [shuffled[other]!, shuffled[index]!];
  }
  return shuffled;
}

describe('out-of-order and duplicate deliveries to two instances', () => {
  const instances: TestApp[] = [];

  beforeAll(async () => {
    const environment = { MONGODB_DATABASE: uniqueDatabaseName('out_of_order') };
    instances.push(await startTestApp(environment), await startTestApp(environment));
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  });

  /** Sends every batch; a refused one is sent again after the others, as a sender retries. */
  async function deliver(batches: SourceEvent[][]) {
    let pending = batches;
    let refusals = 0;
    for (let round = 0; pending.length > 0 && round < 10; round++) {
      const refused: SourceEvent[][] = [];
      for (let start = 0; start < pending.length; start += PARALLEL) {
        const group = pending.slice(start, start + PARALLEL);
        await Promise.all(
          group.map(async (batch, index) => {
            const instance = instances[(start + index) % instances.length]!;
            const response = await postEvents(instance.baseUrl, { events: batch });
            if (response.status === 400) refused.push(batch);
            else expect(response.status).toBe(200);
          }),
        );
      }
      refusals += refused.length;
      pending = refused;
    }
    expect(pending).toEqual([]);
    return refusals;
  }

  it('ends with the figures of an orderly delivery, each event once', async () => {
    const { events, expectedByDay } = buildEvents();
    const twice = shuffle([...events, ...events]);
    // The reversal goes first, before the event it takes back.
    const reversal = twice.findIndex((item) => item.reverses);
    twice.unshift(...twice.splice(reversal, 1));
    const batches: SourceEvent[][] = [];
    for (let start = 0; start < twice.length; start += BATCH_SIZE) {
      batches.push(twice.slice(start, start + BATCH_SIZE));
    }

    const refusals = await deliver(batches);

    expect(refusals).toBeGreaterThan(0);
    const { services, database } = instances[0]!;
    const expectedTotal = [...expectedByDay.values()].reduce((sum, points) => sum + points, 0);
    expect((await services.figures.findTotals(TENANT, MEMBER))?.total).toBe(expectedTotal);
    const { days } = await services.figures.listAll(TENANT);
    expect(new Map(days.map((day) => [day.day, day.points]))).toEqual(expectedByDay);

    const entries = await database.collections.ledger.find({ tenant: TENANT }).toArray();
    const keys = entries.map((entry) => entry.eventKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(events.length);
    const check = await rebuildFigures(TENANT, {
      ...services,
      logger: silentLogger,
      checkOnly: true,
    });
    expect(check.mismatches).toEqual([]);
  });
});
