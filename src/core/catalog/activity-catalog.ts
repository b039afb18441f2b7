/** The activity catalog: every activity that earns points, as validated data. */
import { z } from 'zod';
import { DEFAULT_ACTIVITIES } from './default-activities.js';

export const CATEGORIES = ['community', 'marketplace', 'platform', 'impact', 'learning'] as const;

/** The five areas points are split into on the profile and leaderboards. */
export type Category = (typeof CATEGORIES)[number];

const activityKeySchema = z
  .string()
  .regex(/^[a-z]+\.[a-z_]+$/, 'an activity key looks like "community.upvote_received"');

export const activityDefinitionSchema = z
  .object({
    key: activityKeySchema,
    category: z.enum(CATEGORIES),
    label: z.string().min(1).max(80),
    points: z.number().int(),
    /** Positive points one member may receive for this activity in one day; null is no cap. */
    maxPerDay: z.number().int().positive().nullable(),
    /** Given at most once per member, or per company (first_of_company); false for repeatable. */
    once: z.enum(['member', 'company']).or(z.literal(false)),
  })
  .refine((activity) => !(activity.once && activity.maxPerDay !== null), {
    message: 'a once-only activity has no daily cap',
  })
  .refine((activity) => activity.key.startsWith(`${activity.category}.`), {
    message: 'the key starts with the category',
  });

export type ActivityDefinition = z.infer<typeof activityDefinitionSchema>;

const catalogSchema = z.array(activityDefinitionSchema).superRefine((activities, ctx) => {
  const seen = new Set<string>();
  for (const [index, activity] of activities.entries()) {
    if (seen.has(activity.key)) {
      ctx.addIssue({ code: 'custom', path: [index, 'key'], message: 'duplicate activity key' });
    }
    seen.add(activity.key);
  }
});

/** A tenant's change to one activity: other points, another cap, or no cap (null). */
export const activityOverrideSchema = z
  .object({
    points: z.number().int().optional(),
    maxPerDay: z.number().int().positive().nullable().optional(),
  })
  .strict();

export type ActivityOverride = z.infer<typeof activityOverrideSchema>;

export type ActivityOverrides = Record<string, ActivityOverride>;

/** The activities of one tenant, looked up by key. */
export interface ActivityCatalog {
  get(key: string): ActivityDefinition | undefined;
  has(key: string): boolean;
  all(): readonly ActivityDefinition[];
}

class MapCatalog implements ActivityCatalog {
  readonly #byKey: ReadonlyMap<string, ActivityDefinition>;

  constructor(activities: readonly ActivityDefinition[]) {
    this.#byKey = new Map(activities.map((activity) => [activity.key, activity]));
  }

  get(key: string): ActivityDefinition | undefined {
    return this.#byKey.get(key);
  }

  has(key: string): boolean {
    return this.#byKey.has(key);
  }

  all(): readonly ActivityDefinition[] {
    return [...this.#byKey.values()];
  }
}

/** Validates catalog data; throws a ZodError naming each bad entry. */
export function toActivityCatalog(data: unknown): ActivityCatalog {
  return new MapCatalog(catalogSchema.parse(data));
}

/** The catalog of SPEC §4, validated once when first used. */
export const defaultCatalog: ActivityCatalog = toActivityCatalog(DEFAULT_ACTIVITIES);

/** The tenant's catalog: the default with the tenant's overrides applied, validated again. */
export function withOverrides(
  base: ActivityCatalog,
  overrides: ActivityOverrides,
): ActivityCatalog {
  const unknownKeys = Object.keys(overrides).filter((key) => !base.has(key));
  if (unknownKeys.length > 0) {
    throw new Error(`overrides name unknown activities: ${unknownKeys.join(', ')}`);
  }

  const merged = base.all().map((activity) => {
    const override = overrides[activity.key];
    return override ? { ...activity, ...override } : activity;
  });
  return toActivityCatalog(merged);
}

/** How each category is named to members. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  community: 'Community',
  marketplace: 'Marketplace',
  platform: 'Platform',
  impact: 'Impact',
  learning: 'Learning',
};
