/** The points ledger on the database. */
import type { AppliedPoints, LedgerRepository } from '../core/scoring/ports.js';
import type { Collections } from './collections.js';
import type { LedgerStore } from './ledger-store.js';

export function createLedgerRepository(
  collections: Collections,
  store: LedgerStore,
): LedgerRepository {
  return {
    findNewest: (tenant, member) => store.findNewest(tenant, member),

    findRecordedEvent: (tenant, eventKey) => store.findRecordedEvent(tenant, eventKey),

    findRecordedEventInLedger: (tenant, eventKey) =>
      store.findRecordedEventInLedger(tenant, eventKey),

    append: (entry) => store.append(entry),

    async listRecent(tenant, member, limit) {
      const newest = await store.findNewest(tenant, member);
      if (!newest) return [];

      const olderSeqs = Array.from(
        { length: Math.min(limit, newest.seq) - 1 },
        (_, i) => newest.seq - 1 - i,
      );
      const older = await Promise.all(olderSeqs.map((seq) => store.findEntry(tenant, member, seq)));
      return [newest, ...older.filter((entry) => entry !== null)];
    },

    async *streamApplied(tenant): AsyncIterable<AppliedPoints> {
      const cursor = collections.ledger.find(
        { tenant },
        { projection: { _id: 0, member: 1, seq: 1, kind: 1, category: 1, day: 1, applied: 1 } },
      );
      for await (const row of cursor) yield row as AppliedPoints;
    },
  };
}
