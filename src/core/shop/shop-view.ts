/** View model of the shop. */
import type { CommandAction } from '../profile/profile-view.js';

export interface ShopItemLine {
  id: string;
  name: string;
  description: string;
  price: number;
  /** Pieces left to order. */
  left: number;
  /** Order, when there is stock left. */
  action: CommandAction | null;
}

/** A new order, as the admins' order channel is told of it. */
export interface ShopOrderView {
  kind: 'shop_order';
  orderId: string;
  itemName: string;
  /** The member who ordered, by their platform's user id. */
  member: string;
  price: number;
}

/** `shop`: the items, their price and stock, and the member's credits. */
export interface ShopView {
  kind: 'shop';
  /** What the last order did, or why it changed nothing. */
  message: string | null;
  credits: number;
  items: ShopItemLine[];
  actions: CommandAction[];
}
