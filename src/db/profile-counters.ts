/** Credit balances, read from the credit ledger, and connection counts, one document each. */
import type { ProfileCounters } from '../core/profile/ports.js';
import { toDocumentId, type Collections } from './collections.js';

export function createProfileCounters(
  collections: Collections,
  credits: Pick<ProfileCounters, 'creditsOf'>,
): ProfileCounters {
  return {
    creditsOf: (tenant, member) => credits.creditsOf(tenant, member),

    async connectionsOf(tenant, member) {
      const count = await collections.connectionCounts.findOne({
        _id: toDocumentId(tenant, member),
      });
      return count?.count ?? 0;
    },
  };
}
