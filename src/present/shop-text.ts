/** Text about the shop both renderers use. */
import type { ShopItemLine } from '../core/shop/shop-view.js';
import { formatNumber } from './text.js';

/** "120 credits · 3 left" */
export function toItemFacts(item: Pick<ShopItemLine, 'price' | 'left'>): string {
  const stock = item.left > 0 ? `${formatNumber(item.left)} left` : 'sold out';
  return `${formatNumber(item.price)} credits · ${stock}`;
}

export const EMPTY_SHOP_TEXT = 'The shop has no items yet.';
