/**
 * E-mail invitations, numbered per address: the n-th invitation of an address is stored at
 * `_id` (tenant, address, n), so that of two requests at once only one gets position n.
 */
import type { EmailInvitationRepository } from '../core/connections/ports.js';
import type { Collections } from './collections.js';
import { toDocumentId } from './collections.js';
import { insertOnce } from './upsert.js';

/** An address is invited a handful of times in its life; this bounds a runaway loop. */
const MAX_GENERATIONS = 10_000;

export function createEmailInvitationRepository(
  collections: Collections,
): EmailInvitationRepository {
  const { emailInvitations } = collections;

  return {
    async add(tenant, email, invitedBy, now, notBefore) {
      for (let generation = 1; generation <= MAX_GENERATIONS; generation++) {
        const _id = toDocumentId(tenant, generation, email);
        const existing = await emailInvitations.findOne({ _id });
        if (existing) {
          if (existing.invitedAt >= notBefore) return null;
          continue;
        }
        const document = { _id, tenant, email, generation, invitedBy, invitedAt: now };
        // Refused: another request took this position a moment ago, inside the period.
        return (await insertOnce(() => emailInvitations.insertOne(document))) ? generation : null;
      }
      throw new Error(`e-mail invitations of one address passed ${MAX_GENERATIONS}`);
    },
  };
}
