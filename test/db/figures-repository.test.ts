import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLedgerEntryFixture } from '../support/ledger-fixtures.js';
import type { Database } from '../../src/db/database.js';
import { ManualClock } from '../support/clock.js';
import { buildServices, openTestDatabase } from '../support/database.js';
import { TENANT } from '../support/events.js';

describe('stored figures', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase('figures');
  });
  afterAll(async () => {
    await database.close();
  });

  it('survives two processes storing the first figures of many members at once', async () => {
    const first = buildServices(database, new ManualClock());
    const second = buildServices(database, new ManualClock());
    const entries = Array.from({ length: 40 }, (_, i) => toLedgerEntryFixture(`U_NEW_${i}`));
    await Promise.all(entries.map((entry) => first.ledger.append(entry)));

    const publishing = entries.flatMap((entry) => [
      first.figures.publish(entry),
      second.figures.publish(entry),
    ]);

    await expect(Promise.all(publishing)).resolves.toBeDefined();
    const totals = await first.figures.listAll(TENANT);
    expect(totals.totals.map((member) => member.total)).toEqual(entries.map(() => 10));
    expect(totals.days).toHaveLength(40);
  });
});
