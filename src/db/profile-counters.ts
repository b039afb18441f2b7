/** Credit balances, read from the credit ledger, and connection counts. */
import type { ProfileCounters } from '../core/profile/ports.js';
import { toDocumentId, type Collections } from './collections.js';

export function createProfileCounters(
  collections: Collections,
  credits: Pick<ProfileCounters, 'creditsOf'>,
): ProfileCounters {
  return {
    creditsOf: (tenant, member) => credits.creditsOf(tenant, member),

    /**
     * Counted on read from the connection documents: a stored counter would be updated in
     * place, which the embedded database can lose under concurrent connections, while the
     * count of the inserts is exact at every moment. MongoDB answers it from the index on
     * (tenant, members); a member has at most a few hundred connections.
     */
    async connectionsOf(tenant, member) {
      return collections.connections.countDocuments({ tenant, members: member });
    },
  };
}
