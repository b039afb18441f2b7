/** Renders the shop as an Adaptive Card body. */
import type { ShopView } from '../../core/shop/shop-view.js';
import { EMPTY_SHOP_TEXT, toItemFacts } from '../../present/shop-text.js';
import { toPlainCardText, type CardElement } from './card-elements.js';
import { presentCreditListBody } from './present-credit-list.js';

/** The card body of the shop; the caller adds the view's actions. */
export function presentShopBody(view: ShopView): CardElement[] {
  return presentCreditListBody({
    title: 'Shop',
    message: view.message,
    credits: view.credits,
    emptyText: EMPTY_SHOP_TEXT,
    lines: view.items.map((item) => ({
      heading: item.name,
      facts: toItemFacts(item),
      details: [toPlainCardText(item.description)],
      action: item.action,
    })),
  });
}
