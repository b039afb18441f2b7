/** Events kept for e-mail addresses that no member has yet. */
import type { PendingEventRepository } from '../core/members/ports.js';
import { toDocumentId, type Collections } from './collections.js';
import { insertOnce } from './upsert.js';

export function createPendingEventRepository(collections: Collections): PendingEventRepository {
  const { pendingEvents } = collections;

  return {
    async add(pending) {
      const tenant = pending.event.tenant;
      const _id = toDocumentId(tenant, pending.eventKey);
      const added = await insertOnce(() => pendingEvents.insertOne({ _id, tenant, ...pending }));
      return added ? 'added' : 'duplicate';
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
