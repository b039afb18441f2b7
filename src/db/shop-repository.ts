/** Shop items, stock slots, orders and the admins' order channel. */
import type { ShopRepository } from '../core/shop/shop-item.js';
import { toDocumentId, type Collections } from './collections.js';
import { insertOnce, upsertTwice } from './upsert.js';

export function createShopRepository(collections: Collections): ShopRepository {
  const { shopItems, stockSlots, shopOrders, shopSettings } = collections;

  return {
    async listItems(tenant) {
      const documents = await shopItems.find({ tenant }).sort({ _id: 1 }).toArray();
      return documents.map(({ _id, ...item }) => item);
    },

    async findItem(tenant, id) {
      const document = await shopItems.findOne({ _id: toDocumentId(tenant, id) });
      if (!document) return null;
      const { _id, ...item } = document;
      return item;
    },

    async addItem(item) {
      const _id = toDocumentId(item.tenant, item.id);
      return (await insertOnce(() => shopItems.insertOne({ _id, ...item })))
        ? 'added'
        : 'duplicate';
    },

    async takeSlot(item, orderId) {
      // Each slot is one piece of stock; the unique `_id` lets only one order hold it.
      for (let slot = 0; slot < item.stock; slot++) {
        const _id = toDocumentId(item.tenant, item.id, String(slot));
        const document = { _id, tenant: item.tenant, item: item.id, slot, orderId };
        if (await insertOnce(() => stockSlots.insertOne(document))) return slot;
      }
      return null;
    },

    async releaseSlot(item, slot) {
      await stockSlots.deleteOne({ _id: toDocumentId(item.tenant, item.id, String(slot)) });
    },

    async countTaken(item) {
      return stockSlots.countDocuments({ tenant: item.tenant, item: item.id });
    },

    async addOrder(order) {
      await shopOrders.insertOne({ _id: toDocumentId(order.tenant, order.id), ...order });
    },

    async findOrder(tenant, id) {
      const document = await shopOrders.findOne({ _id: toDocumentId(tenant, id) });
      if (!document) return null;
      const { _id, ...order } = document;
      return order;
    },

    async markShipped(tenant, id, at) {
      await shopOrders.updateOne(
        { _id: toDocumentId(tenant, id) },
        { $set: { status: 'shipped', shippedAt: at } },
      );
    },

    async listOrders(tenant) {
      const documents = await shopOrders.find({ tenant }).sort({ orderedAt: 1 }).toArray();
      return documents.map(({ _id, ...order }) => order);
    },

    async findOrderChannel(tenant) {
      return (await shopSettings.findOne({ _id: tenant }))?.orderChannel ?? null;
    },

    async saveOrderChannel(tenant, orderChannel) {
      const document = { _id: tenant, tenant, orderChannel };
      await upsertTwice(() => shopSettings.replaceOne({ _id: tenant }, document, { upsert: true }));
    },
  };
}
