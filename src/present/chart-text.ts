/** The text that stands in for a chart image: its alt text, the same on every platform. */
import type { DigestRow } from '../core/digests/digest-view.js';
import type { CategoryBar } from '../core/profile/profile-view.js';
import { formatNumber, toBarText } from './text.js';

/** Slack refuses an image block whose alt text is longer. */
export const ALT_TEXT_MAX = 2000;

/** The category bars as text, one line a category. */
export function toCategoryChartAltText(bars: CategoryBar[]): string {
  const lines = bars.map(
    (bar) => `${bar.label} ${toBarText(bar.share, 10)} ${formatNumber(bar.points)}`,
  );
  return clipAltText(['Points by category', ...lines].join('\n'));
}

/** The leaders as text, one line a member. */
export function toLeadersChartAltText(rows: DigestRow[]): string {
  const lines = rows.map((row) => `${row.rank}. ${row.displayName} ${formatNumber(row.points)}`);
  return clipAltText(['Leaders by points', ...lines].join('\n'));
}

function clipAltText(text: string): string {
  return text.length > ALT_TEXT_MAX ? `${text.slice(0, ALT_TEXT_MAX - 1)}…` : text;
}
