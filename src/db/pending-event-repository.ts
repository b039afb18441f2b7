/** Events kept for e-mail addresses that no member has yet. */
import type { PendingEventRepository } from '../core/members/ports.js';
import { isDuplicateKeyError, toDocumentId, type Collections } from './collections.js';

export function createPendingEventRepository(collections: Collections): PendingEventRepository {
  const { pendingEvents } = collections;

  return {
    async add(pending) {
      const tenant = pending.event.tenant;
      try {
        await pendingEvents.insertOne({
          _id: toDocumentId(tenant, pending.eventKey),
          tenant,
          ...pending,
        });
        return 'added';
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return 'duplicate';
      }
    },

    async find(tenant, eventKey) {
      return pendingEvents.findOne({ _id: toDocumentId(tenant, eventKey) });
    },

    async listForEmail(tenant, email) {
      return pendingEvents.find({ tenant, email }).sort({ receivedAt: 1, _id: 1 }).toArray();
    },

    async remove(tenant, eventKey) {
      await pendingEvents.deleteOne({ _id: toDocumentId(tenant, eventKey) });
    },
  };
}
