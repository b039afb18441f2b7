/** Text helpers both renderers use: numbers and bars, the same on every platform. */
import dayjs from 'dayjs';

const numberFormat = new Intl.NumberFormat('en-US');

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A number with its sign, using a real minus. */
export function formatSigned(value: number): string {
  return value < 0 ? `−${formatNumber(-value)}` : `+${formatNumber(value)}`;
}

/** A bar of `width` cells, `fraction` (0 to 1) of them filled. */
export function toBarText(fraction: number, width: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
  return '▰'.repeat(filled) + '▱'.repeat(width - filled);
}

/** "110 points to level 2", or that the top level is reached. */
export function toNextLevelText(level: {
  level: number;
  pointsToNextLevel: number | null;
}): string {
  if (level.pointsToNextLevel === null) return 'Top level reached';
  return `${formatNumber(level.pointsToNextLevel)} points to level ${level.level + 1}`;
}

/** The one-line summary of a profile, for notifications and screen readers. */
export function toProfileSummary(view: {
  subject: { displayName: string };
  level: { level: number };
  points: number;
}): string {
  return `${view.subject.displayName}: level ${view.level.level}, ${formatNumber(view.points)} points`;
}

/** The one-line summary of points by category. */
export function toCategorySummary(categories: { label: string; points: number }[]): string {
  return `Points by category: ${categories.map((bar) => `${bar.label} ${bar.points}`).join(', ')}`;
}

/** "4 Nov – 3 Dec" for a window of YYYY-MM-DD days. */
export function toWindowText(window: { from: string; to: string }): string {
  return `${dayjs(window.from).format('D MMM')} – ${dayjs(window.to).format('D MMM')}`;
}

/** How fresh the order of a leaderboard is, as a person says it. */
export function toFreshnessText(minutes: number): string {
  if (minutes < 1) return 'order as of now';
  if (minutes < 60) return `order as of ${minutes} min ago`;
  return `order as of ${Math.floor(minutes / 60)} h ago`;
}

/** "#3 with 45 points" */
export function toPositionText(position: { rank: number; points: number }): string {
  return `#${position.rank} with ${formatNumber(position.points)} points`;
}

/** The one-line summary of a leaderboard, for notifications and screen readers. */
export function toLeaderboardSummary(view: {
  title: string;
  rows: { rank: number; displayName: string; points: number }[];
}): string {
  const leaders = view.rows.slice(0, 3).map((row) => `${row.rank}. ${row.displayName}`);
  return `Leaderboard, ${view.title}: ${leaders.length > 0 ? leaders.join(', ') : 'no points yet'}`;
}

/** What a member without points in the window is told. */
export const NO_POINTS_TEXT = 'You have no points in the last 30 days yet.';
