/** Renders the badges view as an Adaptive Card body. */
import type { BadgeLine, BadgesView } from '../../core/badges/badge-view.js';
import {
  NO_EARNED_TEXT,
  NOTHING_IN_PROGRESS_TEXT,
  RARITY_SYMBOLS,
  toBadgeProgressText,
  toEarnedHeading,
  toEarnedLevelText,
  toFeaturedText,
} from '../../present/badge-text.js';
import { toBarText } from '../../present/text.js';
import {
  actionSet,
  headingBlock,
  subheadingBlock,
  textBlock,
  toPlainCardText,
  type CardElement,
} from './card-elements.js';

/** The card body of the badges view; the caller adds the view's actions. */
export function presentBadgesBody(view: BadgesView): CardElement[] {
  const body: CardElement[] = [
    headingBlock(`Badges: ${toPlainCardText(view.subject.displayName)}`),
  ];
  if (view.message) body.push(textBlock(toPlainCardText(view.message), { color: 'Accent' }));
  body.push(
    textBlock(`Featured: ${toFeaturedText(view.featured, RARITY_SYMBOLS)}`, { isSubtle: true }),
  );

  body.push(subheadingBlock(toEarnedHeading(view)));
  if (view.earned.length === 0) body.push(textBlock(NO_EARNED_TEXT, { isSubtle: true }));
  body.push(...view.earned.flatMap(earnedLine));

  body.push(subheadingBlock('In progress'));
  if (view.inProgress.length === 0)
    body.push(textBlock(NOTHING_IN_PROGRESS_TEXT, { isSubtle: true }));
  body.push(...view.inProgress.map(progressLine));
  if (view.next.length > 0) {
    body.push(subheadingBlock('Next badges'));
    body.push({
      type: 'FactSet',
      facts: view.next.map((line) => ({ title: line.name, value: line.description })),
    });
  }
  return body;
}

function earnedLine(line: BadgeLine): CardElement[] {
  const featured = line.featured ? ' · ⭐ featured' : '';
  const title = `${RARITY_SYMBOLS[line.rarity!]} **${line.name}** · ${toEarnedLevelText(line)}`;
  const elements = [
    textBlock(`${title}${featured}`, { spacing: 'Medium' }),
    textBlock(line.description, { isSubtle: true, spacing: 'None' }),
  ];
  if (line.action) elements.push(actionSet([line.action]));
  return elements;
}

function progressLine(line: BadgeLine): CardElement {
  return textBlock(
    `${toBarText(line.fraction ?? 1, 10)} ${line.name} · ${toBadgeProgressText(line)}`,
    {
      fontType: 'Monospace',
      spacing: 'Small',
    },
  );
}
