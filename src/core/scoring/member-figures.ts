/** The figures the scoring keeps for a member, carried by every ledger entry. */
import type { Category } from '../catalog/activity-catalog.js';

/** Points by category; a missing category has none. */
export type CategoryPoints = Partial<Record<Category, number>>;

/** What one member received on one day (tenant time zone). */
export interface DayFigures {
  /** All points booked on the day, penalties included. */
  points: number;
  /** The day's points by category; penalties belong to none. */
  categories: CategoryPoints;
  /** Positive points of capped activities, by activity key: what the daily cap counts. */
  capped: Record<string, number>;
  /** The ledger sequence number of the entry that last changed this day. */
  lastSeq: number;
}

/**
 * A member's figures after a ledger entry. Each entry carries them, so the newest entry of a
 * member is everything the next booking needs: no counter is ever incremented in place.
 */
export interface MemberFigures {
  total: number;
  categories: CategoryPoints;
  /** Net points of penalties, zero or negative. */
  adjustments: number;
  /** Once-only activities the member has received. */
  onceGiven: string[];
  /** The recent days, keyed YYYY-MM-DD; older days live only in the daily sums. */
  days: Record<string, DayFigures>;
}

/** The figures of a member with no ledger entries. */
export function emptyFigures(): MemberFigures {
  return { total: 0, categories: {}, adjustments: 0, onceGiven: [], days: {} };
}

/** The figures of a day with nothing booked yet. */
export function emptyDay(): DayFigures {
  return { points: 0, categories: {}, capped: {}, lastSeq: 0 };
}
