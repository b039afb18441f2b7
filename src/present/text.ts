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
