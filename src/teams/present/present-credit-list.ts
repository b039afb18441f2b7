/** The card layout the challenges and the shop share: a titled list beside the credit balance. */
import type { CommandAction } from '../../core/profile/profile-view.js';
import { toCreditsText } from '../../present/challenge-text.js';
import {
  actionSet,
  headingBlock,
  subheadingBlock,
  textBlock,
  toPlainCardText,
  type CardElement,
} from './card-elements.js';

export interface CreditListCard {
  title: string;
  /** What the last action did, or why it changed nothing. */
  message: string | null;
  credits: number;
  /** Shown when there are no lines. */
  emptyText: string;
  /** One entry each: a heading, its facts, further lines of text, and its button. */
  lines: { heading: string; facts: string; details: string[]; action: CommandAction | null }[];
}

/** The card body of a credit list; the caller adds the view's actions. */
export function presentCreditListBody(list: CreditListCard): CardElement[] {
  const body: CardElement[] = [headingBlock(list.title)];
  if (list.message) body.push(textBlock(toPlainCardText(list.message), { color: 'Accent' }));
  body.push(textBlock(toCreditsText(list.credits), { isSubtle: true }));
  if (list.lines.length === 0) body.push(textBlock(list.emptyText));
  for (const line of list.lines) {
    body.push(
      subheadingBlock(toPlainCardText(line.heading)),
      textBlock(line.facts, { isSubtle: true, spacing: 'None' }),
      ...line.details.map((detail) => textBlock(detail, { spacing: 'Small' })),
    );
    if (line.action) body.push(actionSet([line.action]));
  }
  return body;
}
