import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  defaultCatalog,
  toActivityCatalog,
  withOverrides,
  type ActivityDefinition,
} from '../../../src/core/catalog/activity-catalog.js';
import { DEFAULT_ACTIVITIES } from '../../../src/core/catalog/default-activities.js';

type SpecRow = [key: string, category: string, points: number, cap: number | '-' | 'once'];

/** The default catalog as SPEC §4 writes it: key, category, points, max per day. */
const SPEC_TABLE: SpecRow[] = [
  ['community.answer_accepted', 'community', 15, '-'],
  ['community.upvote_received', 'community', 10, 50],
  ['community.answer_marked_accepted', 'community', 2, '-'],
  ['community.downvote_cast', 'community', -1, '-'],
  ['community.downvote_received', 'community', -2, '-'],
  ['marketplace.app_published', 'marketplace', 50, '-'],
  ['marketplace.app_version_published', 'marketplace', 25, '-'],
  ['marketplace.review_added', 'marketplace', 5, 25],
  ['marketplace.studio_pro_downloaded', 'marketplace', 5, 5],
  ['marketplace.app_downloaded', 'marketplace', 1, 5],
  ['platform.first_of_company', 'platform', 25, 'once'],
  ['platform.app_invite_sent', 'platform', 10, 50],
  ['platform.platform_invite_sent', 'platform', 5, 50],
  ['platform.app_created', 'platform', 5, 5],
  ['platform.feedback_submitted', 'platform', 2, 10],
  ['platform.feedback_accepted', 'platform', 2, 10],
  ['platform.team_server_commit', 'platform', 2, 10],
  ['platform.project_invite_sent', 'platform', 2, 20],
  ['platform.user_story_created', 'platform', 1, 20],
  ['platform.buzz_posted', 'platform', 1, 10],
  ['platform.licensed_node_deployed', 'platform', 1, 5],
  ['platform.free_app_deployed', 'platform', 1, '-'],
  ['impact.hackathon_won', 'impact', 300, '-'],
  ['impact.mvp_status_reached', 'impact', 300, 'once'],
  ['impact.hackathon_runner_up', 'impact', 150, '-'],
  ['impact.profile_completed', 'impact', 50, 'once'],
  ['impact.profile_made_public', 'impact', 50, 'once'],
  ['impact.hackathon_attended', 'impact', 50, '-'],
  ['impact.friend_referred', 'impact', 25, '-'],
  ['impact.friend_invited', 'impact', 5, 50],
  ['impact.referral_signup', 'impact', 5, 50],
  ['learning.expert_certification', 'learning', 100, 'once'],
  ['learning.advanced_certification', 'learning', 50, 'once'],
  ['learning.intermediate_certification', 'learning', 35, 'once'],
  ['learning.rapid_certification', 'learning', 25, 'once'],
  ['learning.advanced_course_attended', 'learning', 10, '-'],
  ['learning.rapid_course_attended', 'learning', 10, '-'],
  ['learning.presentation_given', 'learning', 25, '-'],
  ['learning.blog_post_featured', 'learning', 25, '-'],
  ['learning.lecture_completed', 'learning', 1, '-'],
  ['learning.learning_path_completed', 'learning', 25, '-'],
];

/** SPEC §4 says "once" per member, except first_of_company, which is once per company. */
function toSpecOnce(key: string, cap: SpecRow[3]): ActivityDefinition['once'] {
  if (cap !== 'once') return false;
  return key === 'platform.first_of_company' ? 'company' : 'member';
}

function buildActivity(overrides: Partial<ActivityDefinition> = {}): ActivityDefinition {
  return {
    key: 'community.upvote_received',
    category: 'community',
    label: 'Upvote received',
    points: 10,
    maxPerDay: 50,
    once: false,
    ...overrides,
  };
}

function getDefault(key: string): ActivityDefinition {
  const activity = defaultCatalog.get(key);
  if (!activity) throw new Error(`${key} is not in the default catalog`);
  return activity;
}

describe('default activity catalog', () => {
  it('holds exactly the activity keys of the SPEC table', () => {
    const keys = defaultCatalog.all().map((activity) => activity.key);

    expect([...keys].sort()).toEqual(SPEC_TABLE.map(([key]) => key).sort());
  });

  it('holds as many raw entries as the SPEC table has rows, with no key twice', () => {
    expect(DEFAULT_ACTIVITIES).toHaveLength(SPEC_TABLE.length);
    expect(new Set(DEFAULT_ACTIVITIES.map((activity) => activity.key)).size).toBe(
      SPEC_TABLE.length,
    );
  });

  it.each(SPEC_TABLE)(
    'defines %s as category %s, %i points, cap %s',
    (key, category, points, cap) => {
      const activity = getDefault(key);

      expect(activity.category).toBe(category);
      expect(activity.points).toBe(points);
      expect(activity.maxPerDay).toBe(typeof cap === 'number' ? cap : null);
      expect(activity.once).toBe(toSpecOnce(key, cap));
    },
  );

  it('gives every activity a non-empty label for members to read', () => {
    for (const activity of defaultCatalog.all()) {
      expect(activity.label.trim(), activity.key).not.toBe('');
    }
  });

  it('uses only the five product categories', () => {
    const used = new Set(defaultCatalog.all().map((activity) => activity.category));

    expect([...used].sort()).toEqual([...CATEGORIES].sort());
  });

  it('passes validation when the raw default data is read as a catalog', () => {
    const catalog = toActivityCatalog(DEFAULT_ACTIVITIES);

    expect(catalog.all()).toEqual(defaultCatalog.all());
  });

  it('answers undefined and false for a key it does not hold', () => {
    expect(defaultCatalog.get('community.nothing_like_this')).toBeUndefined();
    expect(defaultCatalog.has('community.nothing_like_this')).toBe(false);
    expect(defaultCatalog.has('community.upvote_received')).toBe(true);
  });
});

describe('toActivityCatalog', () => {
  it('accepts a valid activity and finds it by key', () => {
    const activity = buildActivity();

    const catalog = toActivityCatalog([activity]);

    expect(catalog.get(activity.key)).toEqual(activity);
  });

  it('rejects two activities with the same key', () => {
    expect(() => toActivityCatalog([buildActivity(), buildActivity()])).toThrow(
      /duplicate activity key/,
    );
  });

  it('rejects a key that does not start with its category', () => {
    const activity = buildActivity({ key: 'learning.upvote_received', category: 'community' });

    expect(() => toActivityCatalog([activity])).toThrow(/starts with the category/);
  });

  it('rejects a key without a category prefix', () => {
    expect(() => toActivityCatalog([buildActivity({ key: 'upvote' })])).toThrow();
  });

  it('rejects a once-only activity that also has a daily cap', () => {
    const activity = buildActivity({ once: 'member', maxPerDay: 10 });

    expect(() => toActivityCatalog([activity])).toThrow(/once-only activity has no daily cap/);
  });

  it('rejects fractional points, a zero cap and an unknown category', () => {
    expect(() => toActivityCatalog([buildActivity({ points: 2.5 })])).toThrow();
    expect(() => toActivityCatalog([buildActivity({ maxPerDay: 0 })])).toThrow();
    const unknownCategory = { ...buildActivity(), category: 'gaming' };
    expect(() => toActivityCatalog([unknownCategory])).toThrow();
  });

  it('accepts negative points, as downvotes have', () => {
    const catalog = toActivityCatalog([buildActivity({ points: -3, maxPerDay: null })]);

    expect(catalog.get('community.upvote_received')?.points).toBe(-3);
  });
});

describe('withOverrides', () => {
  it('changes the points of an activity and keeps its other fields', () => {
    const base = getDefault('community.upvote_received');

    const catalog = withOverrides(defaultCatalog, { [base.key]: { points: 12 } });

    expect(catalog.get(base.key)).toEqual({ ...base, points: 12 });
  });

  it('changes a daily cap, or removes it with null', () => {
    const catalog = withOverrides(defaultCatalog, {
      'community.upvote_received': { maxPerDay: 100 },
      'marketplace.review_added': { maxPerDay: null },
    });

    expect(catalog.get('community.upvote_received')?.maxPerDay).toBe(100);
    expect(catalog.get('marketplace.review_added')?.maxPerDay).toBeNull();
  });

  it('leaves activities without an override and the base catalog unchanged', () => {
    const before = defaultCatalog.all();

    const catalog = withOverrides(defaultCatalog, { 'community.upvote_received': { points: 1 } });

    expect(catalog.get('impact.hackathon_won')).toEqual(getDefault('impact.hackathon_won'));
    expect(defaultCatalog.all()).toEqual(before);
    expect(getDefault('community.upvote_received').points).toBe(10);
  });

  it('returns the same activities when there are no overrides', () => {
    expect(withOverrides(defaultCatalog, {}).all()).toEqual(defaultCatalog.all());
  });

  it('rejects an override of an activity the catalog does not hold, naming it', () => {
    expect(() => withOverrides(defaultCatalog, { 'community.made_up': { points: 1 } })).toThrow(
      /community\.made_up/,
    );
  });

  it('rejects a daily cap on a once-only activity', () => {
    expect(() =>
      withOverrides(defaultCatalog, { 'impact.profile_completed': { maxPerDay: 50 } }),
    ).toThrow(/once-only activity has no daily cap/);
  });

  it('rejects a cap that is not a positive whole number', () => {
    const key = 'community.upvote_received';

    expect(() => withOverrides(defaultCatalog, { [key]: { maxPerDay: 0 } })).toThrow();
    expect(() => withOverrides(defaultCatalog, { [key]: { maxPerDay: -5 } })).toThrow();
    expect(() => withOverrides(defaultCatalog, { [key]: { points: 1.5 } })).toThrow();
  });
});
