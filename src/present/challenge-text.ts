/** Text about challenges and credits both renderers use. */
import type { ChallengeLine, StepLine } from '../core/challenges/challenge-view.js';
import type { AssignedChallenge } from '../core/challenges/challenges.js';
import { formatNumber } from './text.js';

/** "Upvote received: 3 of 5" with a tick when done. */
export function toStepText(step: StepLine): string {
  const tick = step.done >= step.count ? ' ✓' : '';
  return `${step.label}: ${formatNumber(step.done)} of ${formatNumber(step.count)}${tick}`;
}

/** "50 credits · 12 days left" */
export function toChallengeFacts(line: Pick<ChallengeLine, 'credits' | 'timeText'>): string {
  return `${formatNumber(line.credits)} credits · ${line.timeText}`;
}

/** The assigned challenge in one line, for the profile. */
export function toAssignedChallengeText(challenge: AssignedChallenge | null): string {
  if (!challenge) return 'No open challenge';
  return (
    `${challenge.title} · ${challenge.stepsDone} of ${challenge.stepCount} steps · ` +
    toChallengeFacts(challenge)
  );
}

/** "You have 30 credits." */
export function toCreditsText(credits: number): string {
  return `You have ${formatNumber(credits)} credit${credits === 1 ? '' : 's'}.`;
}

export const NO_CHALLENGES_TEXT = 'There are no open challenges right now.';
