/** Ledger entries: every change of a member's points, with what was asked and what was given. */
import type { Category } from '../catalog/activity-catalog.js';
import type { LimitReason } from './book-points.js';
import type { MemberFigures } from './member-figures.js';

export type EntryKind = 'activity' | 'reversal' | 'penalty';

/** One line of a member's ledger. `seq` numbers a member's entries 1, 2, 3, ... without gaps. */
export interface LedgerEntry {
  tenant: string;
  member: string;
  seq: number;
  /** `<source>/<event id>`: unique within the tenant, so a delivery counts once. */
  eventKey: string;
  kind: EntryKind;
  /** The activity key; for a reversal, the reversed activity; null for a penalty. */
  activity: string | null;
  category: Category | null;
  requested: number;
  applied: number;
  limitedBy: LimitReason | null;
  /** The day the points count on, in the tenant's time zone. */
  day: string;
  occurredAt: Date;
  recordedAt: Date;
  /** Who caused it: the actor's user id or e-mail, or the admin who gave a penalty. */
  actor: string | null;
  /** The event key of the entry a reversal takes back. */
  reverses: string | null;
  /** Whether the activity feed may show it. */
  public: boolean;
  /** A penalty's reason or an admin's note. */
  note: string | null;
  meta: Record<string, unknown> | null;
  /** The member's figures after this entry. */
  figures: MemberFigures;
}

/** What an event was recorded as: enough to answer a duplicate delivery or to reverse it. */
export interface RecordedEvent {
  tenant: string;
  eventKey: string;
  member: string;
  seq: number;
  kind: EntryKind;
  activity: string | null;
  requested: number;
  applied: number;
  day: string;
}

/** The source of events the product produces itself; intake sources may not take this name. */
export const SYSTEM_SOURCE = 'system';

/** The event key of an event id within a source. */
export function toEventKey(source: string, eventId: string): string {
  return `${source}/${eventId}`;
}

/** The recorded-event summary of a ledger entry. */
export function toRecordedEvent(entry: LedgerEntry): RecordedEvent {
  const { tenant, eventKey, member, seq, kind, activity, requested, applied, day } = entry;
  return { tenant, eventKey, member, seq, kind, activity, requested, applied, day };
}
