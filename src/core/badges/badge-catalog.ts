/** The badge catalog: what each badge counts and the levels it has, as validated data. */
import { z } from 'zod';
import { CATEGORIES, type Category } from '../catalog/activity-catalog.js';
import { DEFAULT_BADGES } from './default-badges.js';

/** Rarity colours from least to most rare. */
export const RARITIES = ['green', 'blue', 'purple', 'orange'] as const;

export type Rarity = (typeof RARITIES)[number];

const activityKeySchema = z.string().regex(/^[a-z]+\.[a-z_]+$/);

/** What a badge counts. */
const measureSchema = z.discriminatedUnion('kind', [
  /** Activities received, net of reversals. */
  z.object({ kind: z.literal('activity'), activities: z.array(activityKeySchema).min(1) }),
  /** The highest certification held: 1 rapid, 2 intermediate, 3 advanced, 4 expert. */
  z.object({ kind: z.literal('certification') }),
  z.object({ kind: z.literal('connections') }),
  z.object({ kind: z.literal('challenges') }),
  /** The longest run of days in a row with activity. */
  z.object({ kind: z.literal('active_days') }),
]);

export type BadgeMeasure = z.infer<typeof measureSchema>;

const levelSchema = z.object({
  threshold: z.number().int().positive(),
  rarity: z.enum(RARITIES),
});

export const badgeDefinitionSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'a badge key looks like "helpful_answers"'),
    name: z.string().min(1).max(40),
    description: z.string().min(1).max(150),
    category: z.enum(CATEGORIES),
    measure: measureSchema,
    /** Levels in order; each needs more than the one before. */
    levels: z.array(levelSchema).min(1).max(10),
  })
  .refine(
    (badge) =>
      badge.levels.every((level, i) => i === 0 || level.threshold > badge.levels[i - 1]!.threshold),
    { message: 'each level needs a higher threshold than the one before', path: ['levels'] },
  );

export type BadgeDefinition = z.infer<typeof badgeDefinitionSchema>;

const catalogSchema = z.array(badgeDefinitionSchema).superRefine((badges, ctx) => {
  const seen = new Set<string>();
  for (const [index, badge] of badges.entries()) {
    if (seen.has(badge.key)) {
      ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'duplicate badge key' });
    }
    seen.add(badge.key);
  }
});

/** A validated badge catalog. */
export interface BadgeCatalog {
  badges: readonly BadgeDefinition[];
  get(key: string): BadgeDefinition | undefined;
}

/** Validates badge data; throws listing every problem. */
export function toBadgeCatalog(data: unknown): BadgeCatalog {
  const badges = catalogSchema.parse(data);
  const byKey = new Map(badges.map((badge) => [badge.key, badge]));
  return { badges, get: (key) => byKey.get(key) };
}

/** The catalog every tenant starts with. */
export const defaultBadgeCatalog: BadgeCatalog = toBadgeCatalog(DEFAULT_BADGES);

/** The categories badges are grouped in, the same as points. */
export type BadgeCategory = Category;
