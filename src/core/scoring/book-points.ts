/** The rules of SPEC §4 as one pure function: what a booking gives, and the figures after. */
import type { ActivityDefinition, Category } from '../catalog/activity-catalog.js';
import {
  emptyDay,
  type CategoryPoints,
  type DayFigures,
  type MemberFigures,
} from './member-figures.js';

/** What an earlier ledger entry gave, as far as reversing it needs to know. */
export interface ReversalTarget {
  activity: ActivityDefinition;
  applied: number;
  day: string;
}

/** One thing to book on a member's ledger. */
export type Booking =
  | {
      kind: 'activity';
      activity: ActivityDefinition;
      day: string;
      /** The actor is the member: upvoting yourself, referring yourself. */
      selfDirected: boolean;
      /** A company-wide once-only activity another member of the company already holds. */
      heldByCompany: boolean;
      /** A company-wide once-only activity for a member whose company is unknown. */
      withoutCompany: boolean;
    }
  | { kind: 'reversal'; target: ReversalTarget; day: string; alreadyReversed: boolean }
  /** `points` is the positive number of points a penalty takes away. */
  | { kind: 'penalty'; points: number; day: string };

/** Why a booking applied less than it asked for. */
export type LimitReason =
  | 'self_directed'
  | 'already_given'
  | 'no_company'
  | 'daily_cap'
  | 'zero_floor'
  | 'already_reversed';

/** The outcome of one booking. */
export interface BookingOutcome {
  requested: number;
  applied: number;
  category: Category | null;
  limitedBy: LimitReason | null;
  figures: MemberFigures;
}

/** Books on a copy of the figures; `retainFrom` is the oldest day the figures keep. */
export function bookPoints(
  figures: MemberFigures,
  booking: Booking,
  seq: number,
  retainFrom: string,
): BookingOutcome {
  const decision = decide(figures, booking);
  const next = applyToFigures(figures, booking, decision, seq);
  next.days = retainDaysFrom(next.days, retainFrom);
  return { ...decision, figures: next };
}

type Decision = Omit<BookingOutcome, 'figures'>;

function decide(figures: MemberFigures, booking: Booking): Decision {
  switch (booking.kind) {
    case 'activity':
      return decideActivity(figures, booking);
    case 'reversal':
      return decideReversal(figures, booking);
    case 'penalty':
      if (booking.points <= 0) throw new RangeError('a penalty takes a positive number of points');
      return limitNegative(figures.total, 0 - booking.points, null);
  }
}

function decideActivity(
  figures: MemberFigures,
  booking: Extract<Booking, { kind: 'activity' }>,
): Decision {
  const { activity } = booking;
  const requested = activity.points;
  const refuse = (limitedBy: LimitReason): Decision => ({
    requested,
    applied: 0,
    category: activity.category,
    limitedBy,
  });

  if (booking.selfDirected) return refuse('self_directed');
  if (activity.once === 'company' && booking.withoutCompany) return refuse('no_company');
  if (activity.once === 'company' && booking.heldByCompany) return refuse('already_given');
  if (activity.once && figures.onceGiven.includes(activity.key)) return refuse('already_given');
  if (requested < 0) return limitNegative(figures.total, requested, activity.category);

  const cap = activity.maxPerDay;
  if (cap === null)
    return { requested, applied: requested, category: activity.category, limitedBy: null };

  const used = figures.days[booking.day]?.capped[activity.key] ?? 0;
  const applied = Math.max(0, Math.min(requested, cap - used));
  const limitedBy = applied < requested ? 'daily_cap' : null;
  return { requested, applied, category: activity.category, limitedBy };
}

function decideReversal(
  figures: MemberFigures,
  booking: Extract<Booking, { kind: 'reversal' }>,
): Decision {
  const { target } = booking;
  const requested = 0 - target.applied;
  if (booking.alreadyReversed) {
    return {
      requested,
      applied: 0,
      category: target.activity.category,
      limitedBy: 'already_reversed',
    };
  }
  return limitNegative(figures.total, requested, target.activity.category);
}

/** A total never goes below zero: a negative change takes at most what the member has. */
function limitNegative(total: number, requested: number, category: Category | null): Decision {
  if (requested >= 0) return { requested, applied: requested, category, limitedBy: null };

  const applied = Math.max(requested, 0 - total);
  return { requested, applied, category, limitedBy: applied > requested ? 'zero_floor' : null };
}

function applyToFigures(
  figures: MemberFigures,
  booking: Booking,
  decision: Decision,
  seq: number,
): MemberFigures {
  const { applied, category } = decision;
  const day: DayFigures = structuredClone(figures.days[booking.day] ?? emptyDay());
  day.points += applied;
  day.lastSeq = seq;
  if (category) day.categories = addTo(day.categories, category, applied);

  const next: MemberFigures = {
    total: figures.total + applied,
    categories: category ? addTo(figures.categories, category, applied) : { ...figures.categories },
    adjustments: figures.adjustments + (booking.kind === 'penalty' ? applied : 0),
    onceGiven: [...figures.onceGiven],
    days: { ...figures.days, [booking.day]: day },
  };

  const activity = booking.kind === 'activity' ? booking.activity : undefined;
  const reversed = booking.kind === 'reversal' ? booking.target : undefined;

  // The cap counts positive points still held: a retracted upvote frees its room again.
  if (activity?.maxPerDay && applied > 0) {
    day.capped[activity.key] = (day.capped[activity.key] ?? 0) + applied;
  }
  if (reversed?.activity.maxPerDay && reversed.applied > 0 && reversed.day === booking.day) {
    const key = reversed.activity.key;
    day.capped[key] = Math.max(0, (day.capped[key] ?? 0) + applied);
  }

  if (activity?.once && applied > 0) next.onceGiven.push(activity.key);
  if (reversed?.activity.once && applied !== 0) {
    next.onceGiven = next.onceGiven.filter((key) => key !== reversed.activity.key);
  }
  return next;
}

function addTo(points: CategoryPoints, category: Category, amount: number): CategoryPoints {
  return { ...points, [category]: (points[category] ?? 0) + amount };
}

function retainDaysFrom(
  days: Record<string, DayFigures>,
  retainFrom: string,
): Record<string, DayFigures> {
  return Object.fromEntries(Object.entries(days).filter(([day]) => day >= retainFrom));
}
