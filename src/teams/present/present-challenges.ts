/** Renders the challenges view as an Adaptive Card body. */
import type { ChallengeLine, ChallengesView } from '../../core/challenges/challenge-view.js';
import {
  NO_CHALLENGES_TEXT,
  toChallengeFacts,
  toCreditsText,
  toStepText,
} from '../../present/challenge-text.js';
import {
  actionSet,
  headingBlock,
  subheadingBlock,
  textBlock,
  toPlainCardText,
  type CardElement,
} from './card-elements.js';

/** The card body of the challenges view; the caller adds the view's actions. */
export function presentChallengesBody(view: ChallengesView): CardElement[] {
  const body: CardElement[] = [headingBlock('Challenges')];
  if (view.message) body.push(textBlock(toPlainCardText(view.message), { color: 'Accent' }));
  body.push(textBlock(toCreditsText(view.credits), { isSubtle: true }));
  if (view.challenges.length === 0) body.push(textBlock(NO_CHALLENGES_TEXT));
  body.push(...view.challenges.flatMap(challengeElements));
  return body;
}

function challengeElements(line: ChallengeLine): CardElement[] {
  const elements = [
    subheadingBlock(toPlainCardText(line.title)),
    textBlock(toChallengeFacts(line), { isSubtle: true, spacing: 'None' }),
    ...line.steps.map((step) => textBlock(`• ${toStepText(step)}`, { spacing: 'Small' })),
  ];
  if (line.action) elements.push(actionSet([line.action]));
  return elements;
}
