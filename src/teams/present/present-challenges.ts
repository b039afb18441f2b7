/** Renders the challenges view as an Adaptive Card body. */
import type { ChallengesView } from '../../core/challenges/challenge-view.js';
import { NO_CHALLENGES_TEXT, toChallengeFacts, toStepText } from '../../present/challenge-text.js';
import type { CardElement } from './card-elements.js';
import { presentCreditListBody } from './present-credit-list.js';

/** The card body of the challenges view; the caller adds the view's actions. */
export function presentChallengesBody(view: ChallengesView): CardElement[] {
  return presentCreditListBody({
    title: 'Challenges',
    message: view.message,
    credits: view.credits,
    emptyText: NO_CHALLENGES_TEXT,
    lines: view.challenges.map((line) => ({
      heading: line.title,
      facts: toChallengeFacts(line),
      details: line.steps.map((step) => `• ${toStepText(step)}`),
      action: line.action,
    })),
  });
}
