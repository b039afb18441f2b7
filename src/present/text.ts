/** Text helpers both renderers use: numbers and bars, the same on every platform. */

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
