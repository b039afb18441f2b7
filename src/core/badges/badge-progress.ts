/**
 * What badges count, folded from ledger entries in ledger order. Folding the same entries
 * always gives the same progress, so stored progress can be rebuilt from the ledger.
 */
import { addDays } from '../shared/calendar.js';
import type { LedgerEntry } from '../scoring/ledger-entry.js';
import type { BadgeDefinition, BadgeMeasure } from './badge-catalog.js';

/** Certification activities by the rank the Certified badge gives them. */
export const CERTIFICATION_RANKS: Readonly<Record<string, number>> = {
  'learning.rapid_certification': 1,
  'learning.intermediate_certification': 2,
  'learning.advanced_certification': 3,
  'learning.expert_certification': 4,
};

/** Activity entries limited for these reasons did not happen for the member. */
const NOT_COUNTED = new Set(['self_directed', 'already_given', 'no_company']);

/** What the ledger tells badges about one member. */
export interface LedgerMeasures {
  /** The newest ledger entry folded in. */
  seq: number;
  /** Activities received net of reversals, by activity key. */
  counts: Record<string, number>;
  streak: { lastDay: string | null; current: number; best: number };
}

/** Measures read elsewhere than the ledger. */
export interface OtherMeasures {
  connections: number;
  challenges: number;
}

export function emptyMeasures(): LedgerMeasures {
  return { seq: 0, counts: {}, streak: { lastDay: null, current: 0, best: 0 } };
}

/** The measures after one more entry; entries at or before `seq` change nothing. */
export function foldEntry(measures: LedgerMeasures, entry: LedgerEntry): LedgerMeasures {
  if (entry.seq <= measures.seq || entry.activity === null) {
    return { ...measures, seq: Math.max(measures.seq, entry.seq) };
  }
  const counts = { ...measures.counts };
  const change = toCountChange(entry);
  counts[entry.activity] = Math.max(0, (counts[entry.activity] ?? 0) + change);
  const streak = change > 0 ? extendStreak(measures.streak, entry.day) : measures.streak;
  if (counts[entry.activity] === 0) delete counts[entry.activity];
  return { seq: entry.seq, counts, streak };
}

/**
 * How an entry changes the count of its activity: +1 for an activity that happened, -1 for
 * its reversal, 0 for one that did not count (self-directed, or given once already).
 */
export function toCountChange(entry: Pick<LedgerEntry, 'kind' | 'limitedBy'>): number {
  if (entry.kind === 'activity') return NOT_COUNTED.has(entry.limitedBy ?? '') ? 0 : 1;
  if (entry.kind === 'reversal') return entry.limitedBy === 'already_reversed' ? 0 : -1;
  return 0;
}

/** Days arrive mostly in order; a day before the last one seen leaves the run as it is. */
function extendStreak(streak: LedgerMeasures['streak'], day: string): LedgerMeasures['streak'] {
  if (streak.lastDay !== null && day <= streak.lastDay) return streak;
  const current =
    streak.lastDay !== null && addDays(streak.lastDay, 1) === day ? streak.current + 1 : 1;
  return { lastDay: day, current, best: Math.max(streak.best, current) };
}

/** The value a badge's measure has for the member. */
export function toMeasureValue(
  measure: BadgeMeasure,
  ledger: LedgerMeasures,
  other: OtherMeasures,
): number {
  switch (measure.kind) {
    case 'activity':
      return measure.activities.reduce((sum, key) => sum + (ledger.counts[key] ?? 0), 0);
    case 'certification':
      return Math.max(
        0,
        ...Object.entries(CERTIFICATION_RANKS)
          .filter(([key]) => (ledger.counts[key] ?? 0) > 0)
          .map(([, rank]) => rank),
      );
    case 'connections':
      return other.connections;
    case 'challenges':
      return other.challenges;
    case 'active_days':
      return ledger.streak.best;
  }
}

/** The highest level (1-based) the value completes; 0 for none. */
export function toReachedLevel(badge: BadgeDefinition, value: number): number {
  return badge.levels.filter((level) => value >= level.threshold).length;
}
