/** Reads the badges members earned, which the badges feature writes to `badge_awards`. */
import type { BadgeAwardReader } from '../core/activity/ports.js';
import type { BadgeAward } from '../core/badges/ports.js';
import type { BadgeAwardRepository } from '../core/digests/digest-subscription.js';
import type { BadgeAwardDocument, Collections } from './collections.js';

export function createBadgeAwardRepository(
  collections: Collections,
): BadgeAwardRepository & BadgeAwardReader {
  const { badgeAwards } = collections;

  return {
    async listEarned(tenant, from, to, limit) {
      const documents = await badgeAwards
        .find({ tenant, earnedAt: { $gte: from, $lt: to } })
        .sort({ earnedAt: 1, _id: 1 })
        .limit(limit)
        .toArray();
      return documents.map(toBadgeAward);
    },

    async listRecent(tenant, member, limit) {
      const documents = await badgeAwards
        .find({ tenant, member })
        .sort({ earnedAt: -1 })
        .limit(limit)
        .toArray();
      return documents.map(toBadgeAward);
    },
  };
}

function toBadgeAward({ _id, ...award }: BadgeAwardDocument): BadgeAward {
  return award;
}
