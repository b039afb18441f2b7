import { describe, expect, it } from 'vitest';
import { BAR_AREA, toBarChartSvg } from '../../src/present/bar-chart-svg.js';

/** The bars of an SVG chart: where each starts, how long it is and its value. */
function readBars(svg: string) {
  return [
    ...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*data-value="(-?\d+)"/g),
  ].map((match) => ({ x: Number(match[1]), width: Number(match[2]), value: Number(match[3]) }));
}

describe('the bar chart SVG', () => {
  it('makes bar lengths proportional to the values, the largest filling the area', () => {
    const svg = toBarChartSvg({
      kind: 'stats',
      title: 'Points',
      bars: [
        { label: 'Impact', value: 300 },
        { label: 'Learning', value: 150 },
        { label: 'Platform', value: 0 },
      ],
    });

    const bars = readBars(svg);
    expect(bars.map((bar) => bar.width)).toEqual([BAR_AREA.width, BAR_AREA.width / 2, 0]);
    expect(bars.every((bar) => bar.x === BAR_AREA.left)).toBe(true);
  });

  it('runs negative bars left of a zero line placed in proportion', () => {
    const svg = toBarChartSvg({
      kind: 'stats',
      title: 'Points',
      bars: [
        { label: 'Community', value: 75 },
        { label: 'Penalties', value: -25 },
      ],
    });

    const [positive, negative] = readBars(svg);
    const zero = BAR_AREA.left + BAR_AREA.width / 4;
    expect(positive).toEqual({ x: zero, width: (BAR_AREA.width * 3) / 4, value: 75 });
    expect(negative).toEqual({ x: BAR_AREA.left, width: BAR_AREA.width / 4, value: -25 });
    expect(svg).toContain('−25');
  });

  it('draws empty bars when every value is zero, and a chart without bars', () => {
    const zeros = toBarChartSvg({
      kind: 'digest',
      title: 'Leaders',
      bars: [{ label: 'A', value: 0 }],
    });
    expect(readBars(zeros)).toEqual([{ x: BAR_AREA.left, width: 0, value: 0 }]);
    expect(zeros).not.toContain('NaN');

    const none = toBarChartSvg({ kind: 'digest', title: 'Leaders', bars: [] });
    expect(none).toMatch(/^<svg [^>]*height="\d+"/);
    expect(none).not.toContain('NaN');
  });

  it('escapes labels and the title, and drops characters XML forbids', () => {
    const svg = toBarChartSvg({
      kind: 'digest',
      title: 'Tom & "Jerry" <script>',
      bars: [{ label: "1. <b>O'Brien</b>\u0007", value: 10 }],
    });

    expect(svg).toContain('Tom &amp; &quot;Jerry&quot; &lt;script&gt;');
    expect(svg).toContain('1. &lt;b&gt;O&apos;Brien&lt;/b&gt;');
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
    expect(svg).not.toContain('\u0007');
  });
});
