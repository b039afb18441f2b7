/** Text about badges both renderers use. */
import type { Rarity } from '../core/badges/badge-catalog.js';
import type { BadgeLine, BadgesView, FeaturedBadge } from '../core/badges/badge-view.js';
import { formatNumber } from './text.js';

/** Rarity as a coloured circle, in Unicode for Teams. */
export const RARITY_SYMBOLS: Readonly<Record<Rarity, string>> = {
  green: '🟢',
  blue: '🔵',
  purple: '🟣',
  orange: '🟠',
};

/** Rarity as a Slack emoji. */
export const RARITY_EMOJI: Readonly<Record<Rarity, string>> = {
  green: ':large_green_circle:',
  blue: ':large_blue_circle:',
  purple: ':large_purple_circle:',
  orange: ':large_orange_circle:',
};

/** "level 2 of 4 (blue)" */
export function toEarnedLevelText(line: Pick<BadgeLine, 'level' | 'levelCount' | 'rarity'>) {
  return `level ${line.level} of ${line.levelCount} (${line.rarity})`;
}

/** "40% · 4 of 10 for level 2" */
export function toBadgeProgressText(line: BadgeLine): string {
  const percent = Math.floor((line.fraction ?? 1) * 100);
  const next = line.nextThreshold === null ? '' : ` of ${formatNumber(line.nextThreshold)}`;
  return `${percent}% · ${formatNumber(line.value)}${next} for level ${line.level + 1}`;
}

/** "Speaker 2, Reviewer 1" with the given rarity symbols. */
export function toFeaturedText(
  featured: FeaturedBadge[],
  symbols: Readonly<Record<Rarity, string>>,
): string {
  if (featured.length === 0) return 'No featured badges';
  return featured
    .map((badge) => `${symbols[badge.rarity]} ${badge.name} ${badge.level}`)
    .join('  ');
}

/** "Earned: 3 badges · page 1 of 1" */
export function toEarnedHeading(view: Pick<BadgesView, 'earnedTotal' | 'page' | 'pageCount'>) {
  const count = `${formatNumber(view.earnedTotal)} badge${view.earnedTotal === 1 ? '' : 's'}`;
  const paging = view.pageCount > 1 ? ` · page ${view.page} of ${view.pageCount}` : '';
  return `Earned: ${count}${paging}`;
}

/** The one-line summary of the badges view. */
export function toBadgesSummary(view: BadgesView): string {
  return `${view.subject.displayName}: ${view.earnedTotal} badges earned`;
}

export const NO_EARNED_TEXT = 'No badges earned yet.';
export const NOTHING_IN_PROGRESS_TEXT = 'Nothing in progress.';
