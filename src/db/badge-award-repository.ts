/** Reads the badges members earned, which the badges feature writes to `badge_awards`. */
import type { BadgeAwardRepository } from '../core/digests/digest-subscription.js';
import type { Collections } from './collections.js';

export function createBadgeAwardRepository(collections: Collections): BadgeAwardRepository {
  return {
    async listEarned(tenant, from, to, limit) {
      const documents = await collections.badgeAwards
        .find({ tenant, earnedAt: { $gte: from, $lt: to } })
        .sort({ earnedAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return documents.map(({ member, badge, badgeName, level, rarity, earnedAt }) => ({
        member,
        badge,
        badgeName,
        level,
        rarity,
        earnedAt,
      }));
    },
  };
}
