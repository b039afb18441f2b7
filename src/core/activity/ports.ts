/** What the activity feed reads besides the ledger. */

/** A badge a member earned, as the badge engine records it. */
export interface BadgeAward {
  badge: string;
  badgeName: string;
  level: number | null;
  rarity: string | null;
  earnedAt: Date;
}

export interface BadgeAwardReader {
  /** The member's newest badge awards, newest first; none when no badge was ever earned. */
  listRecent(tenant: string, member: string, limit: number): Promise<BadgeAward[]>;
}
