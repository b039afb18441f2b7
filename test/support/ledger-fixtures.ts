/** Ledger entries built directly, for tests of the storage below the scoring. */
import type { LedgerEntry } from '../../src/core/scoring/ledger-entry.js';
import { TENANT } from './events.js';

/** The first entry of a member: one upvote of 10 points on 2026-03-10. */
export function toLedgerEntryFixture(
  member: string,
  overrides: Partial<LedgerEntry> = {},
): LedgerEntry {
  const day = '2026-03-10';
  return {
    tenant: TENANT,
    member,
    seq: 1,
    eventKey: `forum/${member}-1`,
    kind: 'activity',
    activity: 'community.upvote_received',
    category: 'community',
    requested: 10,
    applied: 10,
    limitedBy: null,
    day,
    occurredAt: new Date(`${day}T10:00:00Z`),
    recordedAt: new Date(`${day}T10:00:01Z`),
    actor: null,
    reverses: null,
    public: true,
    note: null,
    meta: null,
    figures: {
      total: 10,
      categories: { community: 10 },
      adjustments: 0,
      onceGiven: [],
      days: {
        [day]: {
          points: 10,
          categories: { community: 10 },
          capped: { 'community.upvote_received': 10 },
          lastSeq: 1,
        },
      },
    },
    ...overrides,
  };
}
