/** What challenges need from storage; the database adapter implements these. */
import type { Challenge } from './challenge.js';

export interface ChallengeRepository {
  /** Every challenge of the tenant, by end. */
  list(tenant: string): Promise<Challenge[]>;
  find(tenant: string, id: string): Promise<Challenge | null>;
  /** Adds the challenge unless its id is taken. */
  add(challenge: Challenge): Promise<'added' | 'duplicate'>;
  remove(tenant: string, id: string): Promise<boolean>;
  /** Whether the tenant's default challenges were given (and so may since have been removed). */
  hasDefaults(tenant: string): Promise<boolean>;
  /** Marks the tenant's default challenges as given; marking twice is one mark. */
  markDefaults(tenant: string): Promise<void>;
  /** Days completed challenges stay claimable after their end; null when never set. */
  findGraceDays(tenant: string): Promise<number | null>;
  saveGraceDays(tenant: string, days: number): Promise<void>;
}

/** Counts a member's activities inside a window, net of reversals, by activity key. */
export interface WindowActivityCounter {
  countInWindow(
    tenant: string,
    member: string,
    activities: string[],
    window: { start: Date; end: Date },
  ): Promise<Record<string, number>>;
}
