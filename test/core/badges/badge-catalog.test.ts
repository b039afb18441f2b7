import { describe, expect, it } from 'vitest';
import { CATEGORIES, defaultCatalog } from '../../../src/core/catalog/activity-catalog.js';
import { defaultBadgeCatalog, toBadgeCatalog } from '../../../src/core/badges/badge-catalog.js';
import { DEFAULT_BADGES } from '../../../src/core/badges/default-badges.js';

describe('the badge catalog', () => {
  it('ships at least twelve badges over every category and every kind of measure', () => {
    const { badges } = defaultBadgeCatalog;

    expect(badges.length).toBeGreaterThanOrEqual(12);
    expect(new Set(badges.map((badge) => badge.category))).toEqual(new Set(CATEGORIES));
    expect(new Set(badges.map((badge) => badge.measure.kind))).toEqual(
      new Set(['activity', 'certification', 'connections', 'challenges', 'active_days']),
    );
    expect(badges.filter((badge) => badge.levels.length > 1).length).toBeGreaterThan(
      badges.length / 2,
    );
  });

  it('counts only activities the points catalog knows', () => {
    const counted = defaultBadgeCatalog.badges.flatMap((badge) =>
      badge.measure.kind === 'activity' ? badge.measure.activities : [],
    );
    expect(counted.filter((key) => !defaultCatalog.get(key))).toEqual([]);
  });

  it('gives the certification levels green, blue, purple and orange', () => {
    const certified = defaultBadgeCatalog.get('certified')!;
    expect(certified.levels.map((level) => level.rarity)).toEqual([
      'green',
      'blue',
      'purple',
      'orange',
    ]);
  });

  it('refuses duplicate keys, falling thresholds and unknown rarities', () => {
    const first = DEFAULT_BADGES[0]!;
    expect(() => toBadgeCatalog([first, first])).toThrow('duplicate badge key');
    const falling = { ...first, levels: [first.levels[1], first.levels[0]] };
    expect(() => toBadgeCatalog([falling])).toThrow('higher threshold');
    const red = { ...first, levels: [{ threshold: 1, rarity: 'red' }] };
    expect(() => toBadgeCatalog([red])).toThrow();
  });
});
