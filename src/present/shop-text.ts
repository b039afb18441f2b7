/** Text about the shop both renderers use. */
import type { ShopItemLine, ShopOrderView } from '../core/shop/shop-view.js';
import { formatNumber } from './text.js';

/** "120 credits · 3 left" */
export function toItemFacts(item: Pick<ShopItemLine, 'price' | 'left'>): string {
  const stock = item.left > 0 ? `${formatNumber(item.left)} left` : 'sold out';
  return `${formatNumber(item.price)} credits · ${stock}`;
}

export const EMPTY_SHOP_TEXT = 'The shop has no items yet.';

/** The order channel's line of a new order; `member` is how the platform names the member. */
export function toOrderPostText(order: ShopOrderView, member: string): string {
  return (
    `New order ${order.orderId}: ${order.itemName} for ${member} ` +
    `(${formatNumber(order.price)} credits). Mark it shipped with ` +
    `“admin shop shipped ${order.orderId}”.`
  );
}
