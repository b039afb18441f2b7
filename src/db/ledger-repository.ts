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

    async listNewest(tenant, member, { limit, publicOnly }) {
      const found = [];
      for await (const entry of store.entriesNewestFirst(tenant, member)) {
        if (publicOnly && !entry.public) continue;
        found.push(entry);
        if (found.length >= limit) break;
      }
      return found;
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
