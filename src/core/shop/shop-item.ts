/** The shop (SPEC §8): items bought with credits, each with a limited stock. */
import type { View } from '../profile/profile-view.js';

export interface ShopItem {
  tenant: string;
  /** Short key, unique within the tenant, typed in commands. */
  id: string;
  name: string;
  description: string;
  /** Credits one costs. */
  price: number;
  /** How many there are to sell, ever. */
  stock: number;
}

export type OrderStatus = 'ordered' | 'shipped';

/** One order of one item by one member. */
export interface ShopOrder {
  tenant: string;
  id: string;
  member: string;
  item: string;
  itemName: string;
  price: number;
  /** The stock slot the order holds: 0 to stock - 1. */
  slot: number;
  status: OrderStatus;
  orderedAt: Date;
  shippedAt: Date | null;
}

/** The shop's storage; stock is held by unique slots, so parallel orders never oversell. */
export interface ShopRepository {
  listItems(tenant: string): Promise<ShopItem[]>;
  findItem(tenant: string, id: string): Promise<ShopItem | null>;
  addItem(item: ShopItem): Promise<'added' | 'duplicate'>;
  /** Takes a free stock slot of the item for the order; null when none is free. */
  takeSlot(item: ShopItem, orderId: string): Promise<number | null>;
  releaseSlot(item: ShopItem, slot: number): Promise<void>;
  /** Slots taken of the item. */
  countTaken(item: ShopItem): Promise<number>;
  addOrder(order: ShopOrder): Promise<void>;
  findOrder(tenant: string, id: string): Promise<ShopOrder | null>;
  markShipped(tenant: string, id: string, at: Date): Promise<void>;
  listOrders(tenant: string): Promise<ShopOrder[]>;
  findOrderChannel(tenant: string): Promise<string | null>;
  saveOrderChannel(tenant: string, channel: string): Promise<void>;
}

/** Posts a message to a channel of the tenant, such as the admins' channel. */
export interface ChannelPoster {
  postToChannel(tenant: string, channel: string, view: View): Promise<unknown>;
}
