/** What badges need from storage and from the chat platforms; adapters implement these. */
import type { LedgerEntry } from '../scoring/ledger-entry.js';
import type { Rarity } from './badge-catalog.js';
import type { LedgerMeasures, OtherMeasures } from './badge-progress.js';

/** One earned level of a badge, recorded once. */
export interface BadgeAward {
  tenant: string;
  member: string;
  /** The badge key. */
  badge: string;
  badgeName: string;
  /** 1-based. */
  level: number;
  rarity: Rarity;
  earnedAt: Date;
}

/** A member's badge progress as stored: derived, so rebuilding it from the ledger is safe. */
export interface StoredBadgeProgress {
  measures: LedgerMeasures;
  /** The highest earned level by badge key, as far as the awards written so far say. */
  earned: Record<string, number>;
  /** Connections and challenges as last read; absent on progress stored before they were. */
  other?: OtherMeasures;
}

export interface BadgeRepository {
  findProgress(tenant: string, member: string): Promise<StoredBadgeProgress | null>;
  saveProgress(tenant: string, member: string, progress: StoredBadgeProgress): Promise<void>;
  /** Records the award unless that level was recorded before. */
  insertAward(award: BadgeAward): Promise<'added' | 'duplicate'>;
  /** Every award of the member, newest first. */
  listAwards(tenant: string, member: string): Promise<BadgeAward[]>;
  /** The member's featured badge keys, in the order chosen. */
  findFeatured(tenant: string, member: string): Promise<string[]>;
  saveFeatured(tenant: string, member: string, badges: string[]): Promise<void>;
}

/** Reads a member's ledger entries after a position, in order. */
export interface MemberLedgerReader {
  entriesAfter(tenant: string, member: string, seq: number): AsyncIterable<LedgerEntry>;
}

/** How many challenges a member completed; challenges provide it. */
export interface CompletedChallengeCounter {
  completedBy(tenant: string, member: string): Promise<number>;
}
