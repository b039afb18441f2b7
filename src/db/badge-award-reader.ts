/** Reads the badges members earned from the collection the badge engine writes. */
import type { Db } from 'mongodb';
import type { BadgeAward, BadgeAwardReader } from '../core/activity/ports.js';
import { withBusyRetry } from './busy-retry.js';

/** A badge award as stored by the badge engine. */
interface BadgeAwardDocument {
  tenant: string;
  member: string;
  badge: string;
  badgeName: string;
  level?: number | null;
  rarity?: string | null;
  earnedAt: Date;
}

export function createBadgeAwardReader(db: Db): BadgeAwardReader {
  const awards = withBusyRetry(db.collection<BadgeAwardDocument>('badge_awards'));

  return {
    async listRecent(tenant, member, limit) {
      const documents = await awards
        .find({ tenant, member })
        .sort({ earnedAt: -1 })
        .limit(limit)
        .toArray();
      return documents.map(toBadgeAward);
    },
  };
}

function toBadgeAward(document: BadgeAwardDocument): BadgeAward {
  return {
    badge: String(document.badge),
    badgeName: String(document.badgeName ?? document.badge),
    level: typeof document.level === 'number' ? document.level : null,
    rarity: typeof document.rarity === 'string' ? document.rarity : null,
    earnedAt: new Date(document.earnedAt),
  };
}
