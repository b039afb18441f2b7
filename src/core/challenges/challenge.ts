/** Challenges (SPEC §8): steps of activities to do inside a window, paid in credits. */

/** One step: do the activity `count` times inside the window. */
export interface ChallengeStep {
  activity: string;
  count: number;
}

export interface Challenge {
  tenant: string;
  /** Short key, unique within the tenant, typed in commands. */
  id: string;
  title: string;
  steps: ChallengeStep[];
  /** Activity from this instant counts. */
  start: Date;
  /** Activity up to (not including) this instant counts. */
  end: Date;
  credits: number;
}

/** Where a challenge stands for one member. */
export type ChallengeStatus = 'upcoming' | 'open' | 'claimable' | 'claimed' | 'expired';

/** A step and how far the member is with it. */
export interface StepProgress extends ChallengeStep {
  done: number;
}

/** The id a title gives: lower case words joined by dashes, at most 30 characters. */
export function toChallengeId(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return slug || 'challenge';
}

/** Whether every step is done. */
export function isComplete(steps: StepProgress[]): boolean {
  return steps.every((step) => step.done >= step.count);
}

/** The status at `now`: completed challenges stay claimable for the grace period. */
export function toChallengeStatus(
  challenge: Pick<Challenge, 'start' | 'end'>,
  progress: { complete: boolean; claimed: boolean },
  now: Date,
  graceDays: number,
): ChallengeStatus {
  if (progress.claimed) return 'claimed';
  if (now < challenge.start) return 'upcoming';
  const graceEnd = challenge.end.getTime() + graceDays * 24 * 60 * 60 * 1000;
  if (now < challenge.end) return progress.complete ? 'claimable' : 'open';
  return progress.complete && now.getTime() < graceEnd ? 'claimable' : 'expired';
}

/** The challenges a new tenant starts with, running for 30 days from `now`. */
export function defaultChallenges(tenant: string, now: Date): Challenge[] {
  const start = new Date(now);
  const end = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000);
  const challenge = (title: string, steps: ChallengeStep[], credits: number): Challenge => ({
    tenant,
    id: toChallengeId(title),
    title,
    steps,
    start,
    end,
    credits,
  });
  return [
    challenge(
      'Community helper',
      [
        { activity: 'community.answer_accepted', count: 1 },
        { activity: 'community.upvote_received', count: 5 },
      ],
      50,
    ),
    challenge(
      'Marketplace maker',
      [
        { activity: 'marketplace.app_published', count: 1 },
        { activity: 'marketplace.review_added', count: 2 },
      ],
      100,
    ),
    challenge(
      'Keep learning',
      [
        { activity: 'learning.lecture_completed', count: 5 },
        { activity: 'learning.rapid_course_attended', count: 1 },
      ],
      30,
    ),
  ];
}
