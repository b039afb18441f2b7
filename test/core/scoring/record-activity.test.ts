import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/core/errors.js';
import { createScoring } from '../../../src/core/scoring/record-activity.js';
import type { FiguresRepository } from '../../../src/core/scoring/ports.js';
import {
  compareSums,
  rebuildFigures,
  sumTenantLedger,
} from '../../../src/core/scoring/rebuild-figures.js';
import { silentLogger } from '../../../src/core/shared/logger.js';
import { ensureIndexes } from '../../../src/db/collections.js';
import type { Database } from '../../../src/db/database.js';
import type { Services } from '../../../src/services.js';
import { ManualClock } from '../../support/clock.js';
import { buildServices, openTestDatabase } from '../../support/database.js';
import { buildEvent, TENANT } from '../../support/events.js';

describe('recordActivity on the database', () => {
  let database: Database;
  let services: Services;
  const clock = new ManualClock();

  beforeAll(async () => {
    database = await openTestDatabase('scoring');
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    await database.db.dropDatabase();
    await ensureIndexes(database.collections);
    clock.set('2026-03-10T12:00:00Z');
    services = buildServices(database, clock);
  });

  const totalOf = async (member: string) =>
    (await services.figures.findTotals(TENANT, member))?.total ?? 0;
  const user = (userId: string) => ({ kind: 'user' as const, userId });
  const expectStoredFiguresToMatchLedger = async () => {
    const rebuilt = await sumTenantLedger(TENANT, services.ledger);
    expect(compareSums(await services.figures.listAll(TENANT), rebuilt)).toEqual([]);
  };

  it('applies 50 parallel deliveries of one event once and answers each with that result', async () => {
    const event = buildEvent({ eventId: 'same', activity: 'marketplace.app_published' });

    const results = await Promise.all(
      Array.from({ length: 50 }, () => services.scoring.recordActivity(event)),
    );

    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(results.every((result) => result.applied === 50)).toBe(true);
    expect(await totalOf('U_ADA')).toBe(50);
    expect(await database.collections.ledger.countDocuments({})).toBe(1);
  });

  it('applies only what is left of the daily cap and keeps what was asked', async () => {
    const results = [];
    for (let i = 0; i < 7; i++) {
      const event = buildEvent({ eventId: `review-${i}`, activity: 'marketplace.review_added' });
      results.push(await services.scoring.recordActivity(event));
    }

    expect(results.map((result) => result.applied)).toEqual([5, 5, 5, 5, 5, 0, 0]);
    const newest = await services.ledger.findNewest(TENANT, 'U_ADA');
    expect(newest).toMatchObject({ requested: 5, applied: 0, limitedBy: 'daily_cap' });
  });

  it('grants part of an award that crosses a cap lowered by a tenant override', async () => {
    services = buildServices(
      database,
      clock,
      (await import('../../support/database.js')).buildConfig({
        ACTIVITY_OVERRIDES: JSON.stringify({
          [TENANT]: { 'community.upvote_received': { maxPerDay: 25 } },
        }),
      }),
    );
    const applied = [];
    for (let i = 0; i < 3; i++) {
      applied.push(
        (await services.scoring.recordActivity(buildEvent({ eventId: `u${i}` }))).applied,
      );
    }

    expect(applied).toEqual([10, 10, 5]);
  });

  it('counts caps per calendar day in the tenant time zone', async () => {
    await database.collections.tenants.insertOne({
      _id: TENANT,
      timeZone: 'Europe/Amsterdam',
      createdAt: clock.now(),
    });
    clock.set('2026-03-11T08:00:00Z');
    const at = (iso: string, id: string) =>
      buildEvent({
        eventId: id,
        activity: 'marketplace.app_downloaded',
        occurredAt: new Date(iso),
      });

    // 23:30 UTC on the 10th is already the 11th in Amsterdam (UTC+1 in March).
    const lateEvening = [];
    for (let i = 0; i < 6; i++) {
      lateEvening.push(
        (await services.scoring.recordActivity(at('2026-03-10T23:30:00Z', `a${i}`))).applied,
      );
    }
    const earlier = await services.scoring.recordActivity(at('2026-03-10T22:30:00Z', 'b0'));
    const sameDay = await services.scoring.recordActivity(at('2026-03-11T07:00:00Z', 'c0'));

    expect(lateEvening).toEqual([1, 1, 1, 1, 1, 0]);
    expect(earlier.applied).toBe(1);
    expect(sameDay.applied).toBe(0);
    const days = await database.collections.dailyPoints.find({}).sort({ day: 1 }).toArray();
    expect(days.map((day) => [day.day, day.points])).toEqual([
      ['2026-03-10', 1],
      ['2026-03-11', 5],
    ]);
  });

  it('gives a once-only activity once per member', async () => {
    const first = await services.scoring.recordActivity(
      buildEvent({ eventId: 'cert-1', activity: 'learning.expert_certification' }),
    );
    const second = await services.scoring.recordActivity(
      buildEvent({ eventId: 'cert-2', activity: 'learning.expert_certification' }),
    );

    expect([first.applied, second.applied]).toEqual([100, 0]);
  });

  it('gives nothing for self-directed activity, by user id or by e-mail', async () => {
    await services.registerContact(TENANT, 'U_ADA', async () => ({
      displayName: 'Ada',
      email: 'ada@gmail.com',
    }));
    const byId = await services.scoring.recordActivity(
      buildEvent({ eventId: 'self-1', actor: user('U_ADA') }),
    );
    const byEmail = await services.scoring.recordActivity(
      buildEvent({ eventId: 'self-2', actor: { kind: 'email', email: 'ADA@gmail.com' } }),
    );
    const byOther = await services.scoring.recordActivity(
      buildEvent({ eventId: 'other', actor: user('U_BOB') }),
    );

    expect([byId.applied, byEmail.applied, byOther.applied]).toEqual([0, 0, 10]);
  });

  it('never takes a total below zero and records what was applied', async () => {
    await services.scoring.recordActivity(
      buildEvent({ eventId: 'lecture', activity: 'learning.lecture_completed' }),
    );
    const first = await services.scoring.recordActivity(
      buildEvent({ eventId: 'down-1', activity: 'community.downvote_received' }),
    );
    const second = await services.scoring.recordActivity(
      buildEvent({ eventId: 'down-2', activity: 'community.downvote_received' }),
    );

    expect([first.requested, first.applied]).toEqual([-2, -1]);
    expect([second.requested, second.applied]).toEqual([-2, 0]);
    expect(await totalOf('U_ADA')).toBe(0);
  });

  it('frees cap room when an upvote of the same day is reversed', async () => {
    for (let i = 0; i < 5; i++) {
      await services.scoring.recordActivity(buildEvent({ eventId: `v${i}` }));
    }
    const capped = await services.scoring.recordActivity(buildEvent({ eventId: 'v5' }));
    const reversal = await services.scoring.recordActivity(
      buildEvent({ eventId: 'undo-v0', reverses: 'v0' }),
    );
    const afterReversal = await services.scoring.recordActivity(buildEvent({ eventId: 'v6' }));

    expect(capped.applied).toBe(0);
    expect(reversal.applied).toBe(-10);
    expect(afterReversal.applied).toBe(10);
    expect(await totalOf('U_ADA')).toBe(50);
  });

  it('refuses to reverse an event the source never sent, storing nothing', async () => {
    const attempt = services.scoring.recordActivity(
      buildEvent({ eventId: 'undo-nothing', reverses: 'nothing' }),
    );

    await expect(attempt).rejects.toSatisfy((error) =>
      isAppError(error, 'unknown_reversal_target'),
    );
    expect(await database.collections.ledger.countDocuments({})).toBe(0);
  });

  it('gives first_of_company once when two members of a new company arrive at once', async () => {
    const contact = (name: string) => async () => ({
      displayName: name,
      email: `${name.toLowerCase()}@acme-labs.com`,
    });

    await Promise.all([
      services.registerContact(TENANT, 'U_ONE', contact('One')),
      services.registerContact(TENANT, 'U_TWO', contact('Two')),
      services.registerContact(TENANT, 'U_THREE', contact('Three')),
    ]);

    const awards = await database.collections.ledger
      .find({ activity: 'platform.first_of_company', applied: { $gt: 0 } })
      .toArray();
    expect(awards).toHaveLength(1);
    expect(awards[0]!.applied).toBe(25);
  });

  it('keeps stored figures equal to the ledger after a failure between the scoring writes', async () => {
    let failNextPublish = false;
    const failingFigures: FiguresRepository = {
      ...services.figures,
      async publish(entry) {
        if (failNextPublish) {
          failNextPublish = false;
          throw new Error('process stopped between the ledger write and the figures');
        }
        return services.figures.publish(entry);
      },
    };
    const scoring = createScoring({
      ...services,
      figures: failingFigures,
      clock,
      logger: silentLogger,
    });
    await scoring.recordActivity(
      buildEvent({ eventId: 'before', occurredAt: new Date('2026-03-09T10:00:00Z') }),
    );

    const crashed = buildEvent({
      eventId: 'crashed',
      occurredAt: new Date('2026-03-09T11:00:00Z'),
    });
    failNextPublish = true;
    await expect(scoring.recordActivity(crashed)).rejects.toThrow('process stopped');
    const stale = compareSums(
      await services.figures.listAll(TENANT),
      await sumTenantLedger(TENANT, services.ledger),
    );
    expect(stale).not.toEqual([]);

    // The next event of the member, on another day, brings every stored figure up to date.
    await scoring.recordActivity(buildEvent({ eventId: 'next-day' }));
    await expectStoredFiguresToMatchLedger();

    // The sender retries the event it got no answer for: counted once, answered the same.
    const redelivered = await scoring.recordActivity(crashed);
    expect(redelivered).toMatchObject({ applied: 10, duplicate: true });
    expect(await totalOf('U_ADA')).toBe(30);
    await expectStoredFiguresToMatchLedger();
  });

  it('repairs stored figures when the sender retries the event whose writes failed', async () => {
    const failingFigures: FiguresRepository = {
      ...services.figures,
      publish: async () => {
        throw new Error('process stopped between the ledger write and the figures');
      },
    };
    const crashing = createScoring({
      ...services,
      figures: failingFigures,
      clock,
      logger: silentLogger,
    });
    const event = buildEvent({ eventId: 'retried', activity: 'impact.hackathon_attended' });
    await expect(crashing.recordActivity(event)).rejects.toThrow('process stopped');

    const retried = await services.scoring.recordActivity(event);

    expect(retried).toEqual({ id: 'retried', requested: 50, applied: 50, duplicate: true });
    expect(await totalOf('U_ADA')).toBe(50);
    await expectStoredFiguresToMatchLedger();
  });

  it('rebuilds the figures of a tenant with many members, over figures already stored', async () => {
    const events = Array.from({ length: 150 }, (_, i) =>
      buildEvent({ eventId: `many-${i}`, member: user(`U_MANY_${i}`) }),
    );
    await services.scoring.recordEvents(events);

    await rebuildFigures(TENANT, { ...services, logger: silentLogger });
    const again = await rebuildFigures(TENANT, { ...services, logger: silentLogger });

    expect(again).toEqual({ members: 150, mismatches: [] });
    await expectStoredFiguresToMatchLedger();
  });

  it('rebuilds stored figures that were damaged from the ledger', async () => {
    await services.scoring.recordEvents([
      buildEvent({ eventId: 'r1' }),
      buildEvent({ eventId: 'r2', member: user('U_BOB'), activity: 'impact.hackathon_won' }),
    ]);
    await database.collections.memberScores.updateMany({}, { $set: { total: 999 } });
    await database.collections.dailyPoints.deleteMany({ member: 'U_BOB' });

    const result = await rebuildFigures(TENANT, { ...services, logger: silentLogger });

    expect(result.mismatches).toHaveLength(3);
    expect(await totalOf('U_BOB')).toBe(300);
    await expectStoredFiguresToMatchLedger();
  });
});
