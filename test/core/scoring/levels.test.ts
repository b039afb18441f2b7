import { describe, expect, it } from 'vitest';
import { LEVEL_THRESHOLDS, toLevelProgress } from '../../../src/core/scoring/levels.js';

/** SPEC §5: the points needed for levels 1 to 11. */
const SPEC_LEVELS: [level: number, pointsNeeded: number][] = [
  [1, 100],
  [2, 500],
  [3, 1000],
  [4, 2500],
  [5, 5000],
  [6, 8500],
  [7, 13000],
  [8, 18500],
  [9, 25000],
  [10, 32500],
  [11, 50000],
];

const TOP_LEVEL = SPEC_LEVELS.at(-1)!;

describe('LEVEL_THRESHOLDS', () => {
  it('lists the SPEC thresholds for levels 1 to 11 in order', () => {
    expect([...LEVEL_THRESHOLDS]).toEqual(SPEC_LEVELS.map(([, points]) => points));
  });
});

describe('toLevelProgress', () => {
  it('puts a member with no points at level 0, needing the first threshold', () => {
    const progress = toLevelProgress(0);

    expect(progress).toEqual({
      level: 0,
      nextLevelAt: 100,
      pointsToNextLevel: 100,
      fractionToNextLevel: 0,
    });
  });

  it('keeps a member at level 0 one point below 100', () => {
    const progress = toLevelProgress(99);

    expect(progress.level).toBe(0);
    expect(progress.pointsToNextLevel).toBe(1);
  });

  it.each(SPEC_LEVELS)('reaches level %i at exactly %i points', (level, pointsNeeded) => {
    expect(toLevelProgress(pointsNeeded).level).toBe(level);
    expect(toLevelProgress(pointsNeeded - 1).level).toBe(level - 1);
  });

  it.each(SPEC_LEVELS.slice(0, -1))(
    'shows the points still needed for the level after %i',
    (level, pointsNeeded) => {
      const next = SPEC_LEVELS[level]![1];
      const points = pointsNeeded + 7;

      const progress = toLevelProgress(points);

      expect(progress.nextLevelAt).toBe(next);
      expect(progress.pointsToNextLevel).toBe(next - points);
    },
  );

  it('measures the fraction from the current threshold to the next one', () => {
    const [, from] = SPEC_LEVELS[0]!;
    const [, to] = SPEC_LEVELS[1]!;
    const halfway = from + (to - from) / 2;

    expect(toLevelProgress(halfway).fractionToNextLevel).toBe(0.5);
    expect(toLevelProgress(from).fractionToNextLevel).toBe(0);
  });

  it('reports no next level and a full bar at the top level', () => {
    const [level, pointsNeeded] = TOP_LEVEL;

    expect(toLevelProgress(pointsNeeded)).toEqual({
      level,
      nextLevelAt: null,
      pointsToNextLevel: null,
      fractionToNextLevel: 1,
    });
  });

  it('stays at the top level far beyond its threshold', () => {
    const [level, pointsNeeded] = TOP_LEVEL;

    const progress = toLevelProgress(pointsNeeded * 10);

    expect(progress.level).toBe(level);
    expect(progress.pointsToNextLevel).toBeNull();
  });
});
