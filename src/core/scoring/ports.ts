/** What the scoring needs from storage; the database adapter implements these. */
import type { Category } from '../catalog/activity-catalog.js';
import type { EntryKind, LedgerEntry, RecordedEvent } from './ledger-entry.js';
import type { CategoryPoints } from './member-figures.js';

/** Outcome of appending an entry at its sequence position. */
export type AppendOutcome = 'appended' | 'position_taken' | 'duplicate_event';

/** The points ledger: append-only, one gap-free sequence per member. */
export interface LedgerRepository {
  /** The member's newest entry, or null when the member has none. */
  findNewest(tenant: string, member: string): Promise<LedgerEntry | null>;
  /** What the event was recorded as, or null when it never was. */
  findRecordedEvent(tenant: string, eventKey: string): Promise<RecordedEvent | null>;
  /**
   * The same, also finding an event whose entry was appended by a process that stopped before
   * it finished; slower, so only for an event the ledger refused as a duplicate.
   */
  findRecordedEventInLedger(tenant: string, eventKey: string): Promise<RecordedEvent | null>;
  /**
   * Appends at `entry.seq`. Fails with 'position_taken' when another entry got that position
   * first and with 'duplicate_event' when the event key is already in the ledger.
   */
  append(entry: LedgerEntry): Promise<AppendOutcome>;
  /** The member's newest entries, newest first; only public ones when asked. */
  listNewest(
    tenant: string,
    member: string,
    options: { limit: number; publicOnly?: boolean },
  ): Promise<LedgerEntry[]>;
  /** Every entry of the tenant, reduced to what totals are computed from, in any order. */
  streamApplied(tenant: string): AsyncIterable<AppliedPoints>;
}

/** Totals of one member as stored for reading. */
export interface MemberTotals {
  member: string;
  total: number;
  categories: CategoryPoints;
  adjustments: number;
  /** The newest ledger entry these totals include. */
  seq: number;
}

/** Points of one member on one day, as stored for leaderboards. */
export interface DailyPoints {
  member: string;
  day: string;
  points: number;
  categories: CategoryPoints;
  /** The newest ledger entry that changed this day. */
  lastSeq: number;
}

/** The part of a ledger entry that totals and daily sums are computed from. */
export interface AppliedPoints {
  member: string;
  seq: number;
  kind: EntryKind;
  category: Category | null;
  day: string;
  applied: number;
}

/** Stored figures derived from the ledger: member totals and daily sums. */
export interface FiguresRepository {
  /** Brings the stored figures up to the entry just appended (and anything newer). */
  publish(entry: LedgerEntry): Promise<void>;
  /** Brings every stored figure of the member up to the ledger, after a failure between writes. */
  repair(tenant: string, member: string): Promise<void>;
  /** The member's stored totals, or null when none are stored. */
  findTotals(tenant: string, member: string): Promise<MemberTotals | null>;
  /** Replaces the tenant's stored figures with ones recomputed from the ledger. */
  replaceAll(tenant: string, figures: LedgerSums): Promise<void>;
  /** The tenant's stored totals and daily sums. */
  listAll(tenant: string): Promise<LedgerSums>;
}

/** One-holder claims on names, decided by a unique key. */
export interface ClaimRepository {
  /** Claims `key` for `owner` unless it is held; returns the holder either way. */
  claim(key: string, owner: string): Promise<string>;
  /** The holder of `key`, or null. */
  holderOf(key: string): Promise<string | null>;
}

/** Totals and daily sums of a tenant, ordered by member (and day). */
export interface LedgerSums {
  totals: MemberTotals[];
  days: DailyPoints[];
}
