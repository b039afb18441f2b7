import { describe, expect, it } from 'vitest';
import {
  defaultCatalog,
  withOverrides,
  type ActivityDefinition,
} from '../../../src/core/catalog/activity-catalog.js';
import {
  bookPoints,
  type Booking,
  type BookingOutcome,
  type ReversalTarget,
} from '../../../src/core/scoring/book-points.js';
import { emptyFigures, type MemberFigures } from '../../../src/core/scoring/member-figures.js';

const DAY = '2026-03-10';
const NEXT_DAY = '2026-03-11';
const RETAIN_FROM = '2026-02-01';

const UPVOTE = 'community.upvote_received';

function activityOf(key: string, catalog = defaultCatalog): ActivityDefinition {
  const activity = catalog.get(key);
  if (!activity) throw new Error(`${key} is not in the catalog`);
  return activity;
}

function buildActivityBooking(
  key: string,
  overrides: Partial<Extract<Booking, { kind: 'activity' }>> = {},
): Booking {
  return {
    kind: 'activity',
    activity: activityOf(key),
    day: DAY,
    selfDirected: false,
    heldByCompany: false,
    withoutCompany: false,
    ...overrides,
  };
}

function buildReversal(
  target: ReversalTarget,
  overrides: Partial<Extract<Booking, { kind: 'reversal' }>> = {},
): Booking {
  return { kind: 'reversal', target, day: target.day, alreadyReversed: false, ...overrides };
}

function buildPenalty(points: number, day = DAY): Booking {
  return { kind: 'penalty', points, day };
}

/** The target a reversal needs, taken from the outcome of the booking it reverses. */
function toTarget(booking: Booking, outcome: BookingOutcome): ReversalTarget {
  if (booking.kind !== 'activity') throw new Error('only activities are reversed here');
  return { activity: booking.activity, applied: outcome.applied, day: booking.day };
}

/** Books one after the other, as a member's ledger does, and returns every outcome. */
function bookAll(bookings: Booking[], start: MemberFigures = emptyFigures()): BookingOutcome[] {
  const outcomes: BookingOutcome[] = [];
  let figures = start;
  for (const [index, booking] of bookings.entries()) {
    const outcome = bookPoints(figures, booking, index + 1, RETAIN_FROM);
    outcomes.push(outcome);
    figures = outcome.figures;
  }
  return outcomes;
}

function bookTimes(count: number, booking: Booking, start?: MemberFigures): BookingOutcome[] {
  return bookAll(
    Array.from({ length: count }, () => booking),
    start,
  );
}

function last(outcomes: BookingOutcome[]): BookingOutcome {
  const outcome = outcomes.at(-1);
  if (!outcome) throw new Error('nothing was booked');
  return outcome;
}

/** Figures of a member who already holds `total` points in one category. */
function buildFiguresWithTotal(total: number): MemberFigures {
  return { ...emptyFigures(), total, categories: { community: total } };
}

describe('bookPoints with an activity', () => {
  it('applies the full points of an uncapped activity and updates every figure', () => {
    const activity = activityOf('impact.hackathon_won');

    const outcome = bookPoints(emptyFigures(), buildActivityBooking(activity.key), 1, RETAIN_FROM);

    expect(outcome).toMatchObject({
      requested: activity.points,
      applied: activity.points,
      category: 'impact',
      limitedBy: null,
    });
    expect(outcome.figures.total).toBe(activity.points);
    expect(outcome.figures.categories).toEqual({ impact: activity.points });
    expect(outcome.figures.days[DAY]).toMatchObject({
      points: activity.points,
      categories: { impact: activity.points },
      lastSeq: 1,
    });
  });

  it('adds up the points of activities in different categories', () => {
    const accepted = activityOf('community.answer_accepted');
    const published = activityOf('marketplace.app_published');

    const outcome = last(
      bookAll([buildActivityBooking(accepted.key), buildActivityBooking(published.key)]),
    );

    expect(outcome.figures.total).toBe(accepted.points + published.points);
    expect(outcome.figures.categories).toEqual({
      community: accepted.points,
      marketplace: published.points,
    });
    expect(outcome.figures.days[DAY]?.lastSeq).toBe(2);
  });
});

describe('bookPoints with a daily cap', () => {
  const upvote = activityOf(UPVOTE);
  const cap = upvote.maxPerDay!;

  it('applies full points until the cap is reached', () => {
    const outcomes = bookTimes(cap / upvote.points, buildActivityBooking(UPVOTE));

    expect(outcomes.map((outcome) => outcome.applied)).toEqual(outcomes.map(() => upvote.points));
    expect(last(outcomes).figures.total).toBe(cap);
  });

  it('applies nothing and names the cap once the day is full', () => {
    const outcome = last(bookTimes(cap / upvote.points + 1, buildActivityBooking(UPVOTE)));

    expect(outcome).toMatchObject({ requested: upvote.points, applied: 0, limitedBy: 'daily_cap' });
    expect(outcome.figures.total).toBe(cap);
  });

  it('applies only what is left of the daily cap when an upvote crosses it', () => {
    const catalog = withOverrides(defaultCatalog, { [UPVOTE]: { points: 15 } });
    const booking = buildActivityBooking(UPVOTE, { activity: activityOf(UPVOTE, catalog) });

    const outcomes = bookTimes(5, booking);

    expect(outcomes.map((outcome) => outcome.applied)).toEqual([15, 15, 15, cap - 45, 0]);
    expect(outcomes[3]).toMatchObject({ requested: 15, limitedBy: 'daily_cap' });
    expect(last(outcomes).figures.total).toBe(cap);
  });

  it('starts a fresh cap on the next day', () => {
    const fullDay = last(bookTimes(cap / upvote.points, buildActivityBooking(UPVOTE)));

    const outcome = bookPoints(
      fullDay.figures,
      buildActivityBooking(UPVOTE, { day: NEXT_DAY }),
      99,
      RETAIN_FROM,
    );

    expect(outcome.applied).toBe(upvote.points);
    expect(outcome.figures.days[NEXT_DAY]?.capped[UPVOTE]).toBe(upvote.points);
  });

  it('counts the cap per activity, so a full upvote cap leaves reviews untouched', () => {
    const review = activityOf('marketplace.review_added');
    const fullDay = last(bookTimes(cap / upvote.points, buildActivityBooking(UPVOTE)));

    const outcome = bookPoints(fullDay.figures, buildActivityBooking(review.key), 99, RETAIN_FROM);

    expect(outcome.applied).toBe(review.points);
    expect(outcome.figures.days[DAY]?.capped).toEqual({
      [UPVOTE]: cap,
      [review.key]: review.points,
    });
  });

  it('does not count uncapped activities towards any cap', () => {
    const outcome = last(
      bookAll([buildActivityBooking('community.answer_accepted'), buildActivityBooking(UPVOTE)]),
    );

    expect(outcome.figures.days[DAY]?.capped).toEqual({ [UPVOTE]: upvote.points });
  });
});

describe('bookPoints with self-directed activity', () => {
  it('applies nothing when the member is the actor', () => {
    const upvote = activityOf(UPVOTE);

    const outcome = bookPoints(
      emptyFigures(),
      buildActivityBooking(UPVOTE, { selfDirected: true }),
      1,
      RETAIN_FROM,
    );

    expect(outcome).toMatchObject({
      requested: upvote.points,
      applied: 0,
      limitedBy: 'self_directed',
    });
    expect(outcome.figures.total).toBe(0);
    expect(outcome.figures.days[DAY]?.capped[UPVOTE]).toBeUndefined();
  });

  it('does not mark a once-only activity as given when it was self-directed', () => {
    const key = 'impact.profile_completed';

    const [selfDirected, genuine] = bookAll([
      buildActivityBooking(key, { selfDirected: true }),
      buildActivityBooking(key),
    ]);

    expect(selfDirected?.figures.onceGiven).toEqual([]);
    expect(genuine?.applied).toBe(activityOf(key).points);
  });
});

describe('bookPoints with once-only activities', () => {
  it('gives a once-per-member activity only the first time', () => {
    const certification = activityOf('learning.expert_certification');

    const [first, second] = bookTimes(2, buildActivityBooking(certification.key));

    expect(first?.applied).toBe(certification.points);
    expect(first?.figures.onceGiven).toEqual([certification.key]);
    expect(second).toMatchObject({ applied: 0, limitedBy: 'already_given' });
    expect(second?.figures.total).toBe(certification.points);
  });

  it('keeps giving other once-only activities to a member who holds one', () => {
    const [completed, madePublic] = bookAll([
      buildActivityBooking('impact.profile_completed'),
      buildActivityBooking('impact.profile_made_public'),
    ]);

    expect(completed?.applied).toBeGreaterThan(0);
    expect(madePublic?.applied).toBe(activityOf('impact.profile_made_public').points);
    expect(madePublic?.figures.onceGiven).toEqual([
      'impact.profile_completed',
      'impact.profile_made_public',
    ]);
  });

  it('gives first_of_company to the first member of a company', () => {
    const firstOfCompany = activityOf('platform.first_of_company');

    const outcome = last(bookAll([buildActivityBooking(firstOfCompany.key)]));

    expect(outcome.applied).toBe(firstOfCompany.points);
    expect(outcome.figures.onceGiven).toContain(firstOfCompany.key);
  });

  it('gives first_of_company nothing when another member of the company holds it', () => {
    const booking = buildActivityBooking('platform.first_of_company', { heldByCompany: true });

    const outcome = last(bookAll([booking]));

    expect(outcome).toMatchObject({ applied: 0, limitedBy: 'already_given' });
    expect(outcome.figures.onceGiven).toEqual([]);
  });

  it('gives first_of_company nothing to a member without a company', () => {
    const booking = buildActivityBooking('platform.first_of_company', { withoutCompany: true });

    const outcome = last(bookAll([booking]));

    expect(outcome).toMatchObject({ applied: 0, limitedBy: 'no_company' });
    expect(outcome.figures.total).toBe(0);
  });

  it('gives first_of_company at most once to the same member', () => {
    const [, second] = bookTimes(2, buildActivityBooking('platform.first_of_company'));

    expect(second).toMatchObject({ applied: 0, limitedBy: 'already_given' });
  });
});

describe('bookPoints with negative points', () => {
  it('takes the full negative points from a member who has enough', () => {
    const downvote = activityOf('community.downvote_received');

    const outcome = bookPoints(
      buildFiguresWithTotal(20),
      buildActivityBooking(downvote.key),
      1,
      RETAIN_FROM,
    );

    expect(outcome).toMatchObject({ requested: downvote.points, applied: downvote.points });
    expect(outcome.limitedBy).toBeNull();
    expect(outcome.figures.total).toBe(20 + downvote.points);
    expect(outcome.figures.categories.community).toBe(20 + downvote.points);
  });

  it('takes only what the member has, so the total stops at zero', () => {
    const downvote = activityOf('community.downvote_received');

    const outcome = bookPoints(
      buildFiguresWithTotal(1),
      buildActivityBooking(downvote.key),
      1,
      RETAIN_FROM,
    );

    expect(outcome).toMatchObject({ requested: downvote.points, applied: -1 });
    expect(outcome.limitedBy).toBe('zero_floor');
    expect(outcome.figures.total).toBe(0);
  });

  it('leaves a member with no points at zero and names the floor', () => {
    const outcome = bookPoints(
      emptyFigures(),
      buildActivityBooking('community.downvote_received'),
      1,
      RETAIN_FROM,
    );

    expect(outcome.limitedBy).toBe('zero_floor');
    expect(outcome.figures.total).toBe(0);
    expect(outcome.figures.days[DAY]?.points).toBe(0);
  });

  it('never uses up daily cap room', () => {
    const outcome = bookPoints(
      buildFiguresWithTotal(20),
      buildActivityBooking('community.downvote_cast'),
      1,
      RETAIN_FROM,
    );

    expect(outcome.figures.days[DAY]?.capped).toEqual({});
  });
});

describe('bookPoints with a reversal', () => {
  it('takes back exactly what the reversed entry gave', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const [given] = bookAll([upvote]);

    const reversal = bookPoints(
      given!.figures,
      buildReversal(toTarget(upvote, given!)),
      2,
      RETAIN_FROM,
    );

    expect(reversal).toMatchObject({
      requested: -given!.applied,
      applied: -given!.applied,
      category: 'community',
      limitedBy: null,
    });
    expect(reversal.figures.total).toBe(0);
    expect(reversal.figures.categories.community).toBe(0);
  });

  it('takes back only the part of the cap that was given, not the points asked', () => {
    const catalog = withOverrides(defaultCatalog, { [UPVOTE]: { points: 15 } });
    const upvote = buildActivityBooking(UPVOTE, { activity: activityOf(UPVOTE, catalog) });
    const outcomes = bookTimes(4, upvote);
    const partial = last(outcomes);

    const reversal = bookPoints(
      partial.figures,
      buildReversal(toTarget(upvote, partial)),
      5,
      RETAIN_FROM,
    );

    expect(partial.applied).toBeLessThan(partial.requested);
    expect(reversal.applied).toBe(-partial.applied);
    expect(reversal.figures.total).toBe(partial.figures.total - partial.applied);
  });

  it('frees cap room on the same day, so a later upvote earns again', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const points = activityOf(UPVOTE).points;
    const cap = activityOf(UPVOTE).maxPerDay!;
    const fullDay = bookTimes(cap / points, upvote);
    const reversal = bookPoints(
      last(fullDay).figures,
      buildReversal(toTarget(upvote, fullDay[0]!)),
      99,
      RETAIN_FROM,
    );

    const again = bookPoints(reversal.figures, upvote, 100, RETAIN_FROM);

    expect(reversal.figures.days[DAY]?.capped[UPVOTE]).toBe(cap - points);
    expect(again.applied).toBe(points);
    expect(again.figures.total).toBe(cap);
  });

  it('keeps the cap of the reversal day when the reversed entry counted on another day', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const points = activityOf(UPVOTE).points;
    const [given] = bookAll([upvote]);
    const nextDay = bookPoints(
      given!.figures,
      buildActivityBooking(UPVOTE, { day: NEXT_DAY }),
      2,
      RETAIN_FROM,
    );

    const reversal = bookPoints(
      nextDay.figures,
      buildReversal(toTarget(upvote, given!), { day: NEXT_DAY }),
      3,
      RETAIN_FROM,
    );

    expect(reversal.applied).toBe(-points);
    expect(reversal.figures.days[NEXT_DAY]?.capped[UPVOTE]).toBe(points);
    expect(reversal.figures.days[DAY]?.capped[UPVOTE]).toBe(points);
  });

  it('takes nothing back from an entry the cap held at zero, and keeps the cap full', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const cap = activityOf(UPVOTE).maxPerDay!;
    const outcomes = bookTimes(cap / activityOf(UPVOTE).points + 1, upvote);
    const capped = last(outcomes);

    const reversal = bookPoints(
      capped.figures,
      buildReversal(toTarget(upvote, capped)),
      99,
      RETAIN_FROM,
    );

    expect(capped.applied).toBe(0);
    expect(reversal.figures.total).toBe(cap);
    expect(reversal.figures.days[DAY]?.capped[UPVOTE]).toBe(cap);
  });

  it('changes nothing when the entry was already reversed', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const [given] = bookAll([upvote]);
    const target = toTarget(upvote, given!);
    const first = bookPoints(given!.figures, buildReversal(target), 2, RETAIN_FROM);

    const second = bookPoints(
      first.figures,
      buildReversal(target, { alreadyReversed: true }),
      3,
      RETAIN_FROM,
    );

    expect(second).toMatchObject({ applied: 0, limitedBy: 'already_reversed' });
    expect(second.figures.total).toBe(first.figures.total);
    expect(second.figures.categories).toEqual(first.figures.categories);
    expect(second.figures.days[DAY]?.capped).toEqual(first.figures.days[DAY]?.capped);
  });

  it('gives back what a negative activity took when it is reversed', () => {
    const downvote = buildActivityBooking('community.downvote_received');
    const [taken] = bookAll([downvote], buildFiguresWithTotal(30));

    const reversal = bookPoints(
      taken!.figures,
      buildReversal(toTarget(downvote, taken!)),
      2,
      RETAIN_FROM,
    );

    expect(reversal.applied).toBe(-taken!.applied);
    expect(reversal.figures.total).toBe(30);
  });

  it('stops at zero when the member no longer has what the reversed entry gave', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const [given, penalty] = bookAll([upvote, buildPenalty(5)]);

    const reversal = bookPoints(
      penalty!.figures,
      buildReversal(toTarget(upvote, given!)),
      3,
      RETAIN_FROM,
    );

    expect(reversal.applied).toBe(-penalty!.figures.total);
    expect(reversal.limitedBy).toBe('zero_floor');
    expect(reversal.figures.total).toBe(0);
  });

  it('lets a once-only activity be earned again after its entry is reversed', () => {
    const completed = buildActivityBooking('impact.profile_completed');
    const [given] = bookAll([completed]);
    const reversal = bookPoints(
      given!.figures,
      buildReversal(toTarget(completed, given!)),
      2,
      RETAIN_FROM,
    );

    const again = bookPoints(reversal.figures, completed, 3, RETAIN_FROM);

    expect(reversal.figures.onceGiven).toEqual([]);
    expect(again.applied).toBe(given!.applied);
  });
});

describe('bookPoints with a penalty', () => {
  it('takes the penalty points as an adjustment outside every category', () => {
    const start = buildFiguresWithTotal(40);

    const outcome = bookPoints(start, buildPenalty(15), 1, RETAIN_FROM);

    expect(outcome).toMatchObject({
      requested: -15,
      applied: -15,
      category: null,
      limitedBy: null,
    });
    expect(outcome.figures.total).toBe(25);
    expect(outcome.figures.adjustments).toBe(-15);
    expect(outcome.figures.categories).toEqual(start.categories);
    expect(outcome.figures.days[DAY]).toMatchObject({ points: -15, categories: {} });
  });

  it('takes no more than the member has', () => {
    const outcome = bookPoints(buildFiguresWithTotal(10), buildPenalty(25), 1, RETAIN_FROM);

    expect(outcome).toMatchObject({ requested: -25, applied: -10, limitedBy: 'zero_floor' });
    expect(outcome.figures.total).toBe(0);
    expect(outcome.figures.adjustments).toBe(-10);
  });
});

describe('bookPoints and the days it keeps', () => {
  it('drops days older than retainFrom from the figures and keeps the rest', () => {
    const start: MemberFigures = {
      ...emptyFigures(),
      days: {
        '2026-01-15': { points: 5, categories: {}, capped: {}, lastSeq: 1 },
        [RETAIN_FROM]: { points: 7, categories: {}, capped: {}, lastSeq: 2 },
      },
    };

    const outcome = bookPoints(start, buildActivityBooking(UPVOTE), 3, RETAIN_FROM);

    expect(Object.keys(outcome.figures.days).sort()).toEqual([RETAIN_FROM, DAY]);
  });

  it('leaves the figures it was given unchanged', () => {
    const upvote = buildActivityBooking(UPVOTE);
    const [given] = bookAll([upvote, buildActivityBooking('impact.profile_completed')]);
    const start = given!.figures;
    const snapshot = structuredClone(start);

    bookPoints(start, upvote, 3, RETAIN_FROM);
    bookPoints(start, buildActivityBooking('impact.profile_completed'), 3, RETAIN_FROM);
    bookPoints(start, buildReversal(toTarget(upvote, given!)), 3, RETAIN_FROM);
    bookPoints(start, buildPenalty(3), 3, RETAIN_FROM);
    bookPoints(start, buildActivityBooking(UPVOTE, { day: NEXT_DAY }), 3, NEXT_DAY);

    expect(start).toEqual(snapshot);
  });
});

describe('bookPoints zero results', () => {
  it('records a positive zero when a downvote meets a total of zero', () => {
    const outcome = bookPoints(
      emptyFigures(),
      buildActivityBooking('community.downvote_received'),
      1,
      RETAIN_FROM,
    );

    expect(Object.is(outcome.applied, 0)).toBe(true);
    expect(outcome.limitedBy).toBe('zero_floor');
  });

  it('asks and applies a positive zero when reversing an entry that earned nothing', () => {
    const target: ReversalTarget = { activity: activityOf(UPVOTE), applied: 0, day: DAY };
    const outcome = bookPoints(emptyFigures(), buildReversal(target), 1, RETAIN_FROM);

    expect(Object.is(outcome.requested, 0)).toBe(true);
    expect(Object.is(outcome.applied, 0)).toBe(true);
  });

  it('refuses a penalty that is not a positive number of points', () => {
    expect(() => bookPoints(emptyFigures(), buildPenalty(-20), 1, RETAIN_FROM)).toThrow(RangeError);
  });
});
