import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { ManualClock } from '../../support/clock.js';
import { buildServices, openTestDatabase } from '../../support/database.js';
import { buildEvent, TENANT } from '../../support/events.js';

describe('recordActivity under concurrency', () => {
  let database: Database;
  const clock = new ManualClock('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase('concurrency');
  });
  afterAll(async () => {
    await database.close();
  });

  it('applies exactly the daily cap of 50 points for 200 parallel upvotes', async () => {
    const services = buildServices(database, clock);
    const events = Array.from({ length: 200 }, (_, i) =>
      buildEvent({ eventId: `upvote-${i}`, member: { kind: 'user', userId: 'U_CAP' } }),
    );

    const results = await Promise.all(
      events.map((event) => services.scoring.recordActivity(event)),
    );

    expect(results.reduce((sum, result) => sum + result.applied, 0)).toBe(50);
    const totals = await services.figures.findTotals(TENANT, 'U_CAP');
    expect(totals?.total).toBe(50);
    const newest = await services.ledger.findNewest(TENANT, 'U_CAP');
    expect(newest?.seq).toBe(200);
  });

  it('applies the cap exactly when two processes race for one member', async () => {
    const first = buildServices(database, clock);
    const second = buildServices(database, clock);
    const events = Array.from({ length: 60 }, (_, i) =>
      buildEvent({ eventId: `race-${i}`, member: { kind: 'user', userId: 'U_RACE' } }),
    );

    const results = await Promise.all(
      events.map((event, i) => (i % 2 ? first : second).scoring.recordActivity(event)),
    );

    expect(results.reduce((sum, result) => sum + result.applied, 0)).toBe(50);
    expect((await first.figures.findTotals(TENANT, 'U_RACE'))?.total).toBe(50);
  });
});
