/** Renders the badges view as a Slack message. */
import type { BadgeLine, BadgesView } from '../../core/badges/badge-view.js';
import {
  NO_EARNED_TEXT,
  NOTHING_IN_PROGRESS_TEXT,
  RARITY_EMOJI,
  toBadgeProgressText,
  toBadgesSummary,
  toEarnedHeading,
  toEarnedLevelText,
  toFeaturedText,
} from '../../present/badge-text.js';
import { toBarText } from '../../present/text.js';
import {
  buttons,
  context,
  escapeText,
  header,
  section,
  withinBlockLimit,
  type KnownBlock,
} from './blocks.js';
import type { SlackMessage } from './present-slack.js';

export function presentBadges(view: BadgesView): SlackMessage {
  const blocks: KnownBlock[] = [header(`Badges: ${view.subject.displayName}`)];
  if (view.message) blocks.push(section(`:information_source: ${escapeText(view.message)}`));
  blocks.push(context(`*Featured:* ${escapeText(toFeaturedText(view.featured, RARITY_EMOJI))}`));

  blocks.push(section(`*${toEarnedHeading(view)}*`));
  if (view.earned.length === 0) blocks.push(context(NO_EARNED_TEXT));
  blocks.push(...view.earned.map((line) => section(earnedLine(line), line.action)));

  const progress = view.inProgress.map(progressLine);
  blocks.push(section(`*In progress*\n${progress.join('\n') || NOTHING_IN_PROGRESS_TEXT}`));
  if (view.next.length > 0) {
    const next = view.next.map(
      (line) => `• *${escapeText(line.name)}*: ${escapeText(line.description)}`,
    );
    blocks.push(section(`*Next badges*\n${next.join('\n')}`));
  }
  blocks.push(...buttons(view.actions));
  return { text: toBadgesSummary(view), blocks: withinBlockLimit(blocks) };
}

function earnedLine(line: BadgeLine): string {
  const featured = line.featured ? ' · :star: featured' : '';
  const title = `${RARITY_EMOJI[line.rarity!]} *${escapeText(line.name)}* · ${toEarnedLevelText(line)}`;
  return `${title}${featured}\n${escapeText(line.description)}`;
}

function progressLine(line: BadgeLine): string {
  return `\`${toBarText(line.fraction ?? 1, 10)}\` ${escapeText(line.name)} · ${toBadgeProgressText(line)}`;
}
