/** What the activity feed reads besides the ledger. */

import type { BadgeAward } from '../badges/ports.js';

export type { BadgeAward };

export interface BadgeAwardReader {
  /** The member's newest badge awards, newest first; none when no badge was ever earned. */
  listRecent(tenant: string, member: string, limit: number): Promise<BadgeAward[]>;
}
