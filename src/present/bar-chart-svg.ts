/** Draws a bar chart as SVG text, from the chart's numbers alone. */
import type { BarChart } from '../core/charts/bar-chart.js';
import { formatNumber, formatSigned } from './text.js';

/** Width of the whole image, in pixels. */
export const CHART_WIDTH = 640;

const PADDING = 16;
const TITLE_HEIGHT = 40;
const ROW_HEIGHT = 32;
const BAR_HEIGHT = 20;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 80;
/** Labels are cut so that they fit the label column. */
const LABEL_MAX = 22;
const TITLE_MAX = 60;

/** Where the bars may run: from the label column to the value column. */
export const BAR_AREA = {
  left: PADDING + LABEL_WIDTH,
  width: CHART_WIDTH - 2 * PADDING - LABEL_WIDTH - VALUE_WIDTH,
};

const COLORS = { positive: '#2563eb', negative: '#dc2626', text: '#1f2937', grid: '#d1d5db' };

/**
 * The chart as an SVG document. Bars are proportional to the largest absolute value; when some
 * values are negative, a zero line splits the bar area in proportion, and negative bars run left.
 */
export function toBarChartSvg(chart: BarChart): string {
  const height = PADDING * 2 + TITLE_HEIGHT + Math.max(1, chart.bars.length) * ROW_HEIGHT;
  const axis = toAxis(chart.bars.map((bar) => bar.value));
  const rows = chart.bars.map((bar, index) => {
    const top = PADDING + TITLE_HEIGHT + index * ROW_HEIGHT;
    return toRowSvg(bar.label, bar.value, top, axis);
  });
  const zeroX = round(BAR_AREA.left + axis.zero);
  const lineTop = PADDING + TITLE_HEIGHT - 4;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}"`,
    ` viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PADDING}" y="${PADDING + 22}" font-size="18" font-weight="bold"`,
    ` fill="${COLORS.text}">${escapeXml(clip(chart.title, TITLE_MAX))}</text>`,
    `<line x1="${zeroX}" y1="${lineTop}" x2="${zeroX}" y2="${height - PADDING}"`,
    ` stroke="${COLORS.grid}" stroke-width="1"/>`,
    ...rows,
    '</svg>',
  ].join('');
}

/** Where zero lies in the bar area, and how many pixels one unit takes. */
interface Axis {
  zero: number;
  scale: number;
}

function toAxis(values: number[]): Axis {
  const highest = Math.max(0, ...values);
  const lowest = Math.min(0, ...values);
  const span = highest - lowest;
  if (span === 0) return { zero: 0, scale: 0 };
  const scale = BAR_AREA.width / span;
  return { zero: -lowest * scale, scale };
}

function toRowSvg(label: string, value: number, top: number, axis: Axis): string {
  const length = Math.abs(value) * axis.scale;
  const x = BAR_AREA.left + axis.zero - (value < 0 ? length : 0);
  const textY = top + BAR_HEIGHT - 5;
  const valueText = value < 0 ? formatSigned(value) : formatNumber(value);
  return [
    `<text x="${PADDING}" y="${textY}" font-size="14" fill="${COLORS.text}">`,
    `${escapeXml(clip(label, LABEL_MAX))}</text>`,
    `<rect x="${round(x)}" y="${top}" width="${round(length)}" height="${BAR_HEIGHT}"`,
    ` fill="${value < 0 ? COLORS.negative : COLORS.positive}" data-value="${value}"/>`,
    `<text x="${CHART_WIDTH - PADDING}" y="${textY}" font-size="14" text-anchor="end"`,
    ` fill="${COLORS.text}">${escapeXml(valueText)}</text>`,
  ].join('');
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

function clip(text: string, max: number): string {
  const characters = [...text];
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text;
}

/** Text as SVG character data; control characters, which XML forbids, are dropped. */
function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}
