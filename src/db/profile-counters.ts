/** Credit balances and connection counts, each one document per member. */
import type { ProfileCounters } from '../core/profile/ports.js';
import { toDocumentId, type Collections } from './collections.js';

export function createProfileCounters(collections: Collections): ProfileCounters {
  return {
    async creditsOf(tenant, member) {
      const balance = await collections.creditBalances.findOne({
        _id: toDocumentId(tenant, member),
      });
      return balance?.balance ?? 0;
    },

    async connectionsOf(tenant, member) {
      const count = await collections.connectionCounts.findOne({
        _id: toDocumentId(tenant, member),
      });
      return count?.count ?? 0;
    },
  };
}
