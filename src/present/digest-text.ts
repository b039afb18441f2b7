/** Text of a digest that both renderers use. */
import dayjs from 'dayjs';
import type { DigestBadge, DigestClimber, DigestView } from '../core/digests/digest-view.js';
import { RARITY_SYMBOLS } from './badge-text.js';
import { formatNumber, toWindowText } from './text.js';

/** Shown above a digest posted after an outage. */
export const LATE_TEXT = 'Posted late: the app was not running at the scheduled time.';

export const NO_LEADERS_TEXT = 'No one has points in the last 30 days yet.';

/** "Daily digest, Everyone · Thu 3 Dec" */
export function toDigestTitle(view: Pick<DigestView, 'title' | 'day'>): string {
  return `Daily digest: ${view.title} · ${dayjs(view.day).format('ddd D MMM')}`;
}

/** "Points earned 4 Nov – 3 Dec" */
export function toDigestWindowText(view: Pick<DigestView, 'window'>): string {
  return `Points earned ${toWindowText(view.window)}`;
}

/** "Ada Lovelace: #7 → #2", or "Ada Lovelace: new at #2" */
export function toClimberText(climber: DigestClimber): string {
  if (climber.from === null) return `${climber.displayName}: new at #${climber.to}`;
  return `${climber.displayName}: #${climber.from} → #${climber.to}`;
}

/** "🟣 Ada Lovelace earned Top Answerer (level 2)" */
export function toBadgeText(badge: DigestBadge): string {
  const level = badge.level > 1 ? ` (level ${badge.level})` : '';
  return `${RARITY_SYMBOLS[badge.rarity]} ${badge.displayName} earned ${badge.badgeName}${level}`;
}

/** The one-line summary, for notifications and screen readers. */
export function toDigestSummary(view: DigestView): string {
  const leaders = view.rows.slice(0, 3).map((row) => `${row.rank}. ${row.displayName}`);
  const late = view.late ? ' (late)' : '';
  const top = leaders.length > 0 ? leaders.join(', ') : 'no points yet';
  return `${toDigestTitle(view)}${late}: ${top}`;
}

/** "1. Ada · 135" */
export function toRowText(row: { rank: number; displayName: string; points: number }): string {
  return `${row.rank}. ${row.displayName} · ${formatNumber(row.points)}`;
}
