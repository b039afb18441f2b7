/** A tenant's default challenges: given once, completed after a crash, never back once removed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultChallenges } from '../../src/core/challenges/challenge.js';
import { toDocumentId } from '../../src/db/collections.js';
import type { Database } from '../../src/db/database.js';
import type { Services } from '../../src/services.js';
import { ManualClock } from '../support/clock.js';
import { buildServices, openTestDatabase } from '../support/database.js';

describe('default challenges', () => {
  const clock = new ManualClock('2026-03-10T12:00:00Z');
  let database: Database;
  let services: Services;

  beforeAll(async () => {
    database = await openTestDatabase('default_challenges');
    services = buildServices(database, clock);
  });
  afterAll(async () => {
    await database.close();
  });

  const titlesOf = async (tenant: string) =>
    (await services.challenges.listChallenges(tenant)).map((challenge) => challenge.title).sort();
  const expectedTitles = defaultChallenges('any', clock.now())
    .map((challenge) => challenge.title)
    .sort();

  it('gives a new tenant each default once, however many read it at once', async () => {
    const tenant = 'slack:T0PARALLEL';

    const lists = await Promise.all(
      Array.from({ length: 5 }, () => services.challenges.listChallenges(tenant)),
    );

    for (const list of lists) expect(list.length).toBeLessThanOrEqual(expectedTitles.length);
    expect(await titlesOf(tenant)).toEqual(expectedTitles);
    expect(await database.collections.challenges.countDocuments({ tenant })).toBe(3);
  });

  it('adds the defaults a crash left out, on the next read', async () => {
    const tenant = 'slack:T0CRASHED';
    // The instance that gave the defaults died after adding the first.
    const [first] = defaultChallenges(tenant, clock.now());
    await database.collections.challenges.insertOne({
      _id: toDocumentId(tenant, first!.id),
      ...first!,
    });

    expect(await titlesOf(tenant)).toEqual(expectedTitles);
    expect(
      await database.collections.claims.findOne({
        _id: toDocumentId(tenant, 'default-challenges'),
      }),
    ).not.toBeNull();
  });

  it('does not bring back a default an admin removed', async () => {
    const tenant = 'slack:T0REMOVED';
    const [first] = await services.challenges.listChallenges(tenant);
    await database.collections.challenges.deleteOne({ _id: toDocumentId(tenant, first!.id) });

    const titles = await titlesOf(tenant);

    expect(titles).toHaveLength(2);
    expect(titles).not.toContain(first!.title);
  });
});
