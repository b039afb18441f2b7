/** One-holder claims: the first insert of a key wins, everyone after reads the holder. */
import type { ClaimRepository } from '../core/scoring/ports.js';
import type { Clock } from '../core/shared/clock.js';
import { isDuplicateKeyError, type Collections } from './collections.js';

export function createClaimRepository(collections: Collections, clock: Clock): ClaimRepository {
  async function holderOf(key: string): Promise<string | null> {
    const claim = await collections.claims.findOne({ _id: key });
    return claim?.owner ?? null;
  }

  return {
    holderOf,

    async claim(key, owner) {
      try {
        await collections.claims.insertOne({ _id: key, owner, claimedAt: clock.now() });
        return owner;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const holder = await holderOf(key);
        if (holder === null) throw new Error(`claim ${key} was refused but has no holder`);
        return holder;
      }
    },
  };
}
