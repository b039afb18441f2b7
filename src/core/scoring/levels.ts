/** Levels (SPEC §5): the points a member needs for each level. */

/** Points needed for levels 1 to 11, in order; below the first a member is level 0. */
export const LEVEL_THRESHOLDS = [
  100, 500, 1000, 2500, 5000, 8500, 13000, 18500, 25000, 32500, 50000,
] as const;

/** Where a member stands: the level reached and what the next one asks. */
export interface LevelProgress {
  level: number;
  /** Points needed for the next level, or null at the top level. */
  nextLevelAt: number | null;
  /** Points still missing for the next level, or null at the top level. */
  pointsToNextLevel: number | null;
  /** How far from this level's threshold to the next one, 0 to 1 (1 at the top level). */
  fractionToNextLevel: number;
}

/** The level of a member with the given total points. */
export function toLevelProgress(points: number): LevelProgress {
  const level = LEVEL_THRESHOLDS.filter((threshold) => points >= threshold).length;
  const nextLevelAt = LEVEL_THRESHOLDS[level] ?? null;
  if (nextLevelAt === null) {
    return { level, nextLevelAt, pointsToNextLevel: null, fractionToNextLevel: 1 };
  }

  const levelStart = level === 0 ? 0 : LEVEL_THRESHOLDS[level - 1]!;
  return {
    level,
    nextLevelAt,
    pointsToNextLevel: nextLevelAt - points,
    fractionToNextLevel: (points - levelStart) / (nextLevelAt - levelStart),
  };
}
