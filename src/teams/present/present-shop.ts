/** Renders the shop as an Adaptive Card body. */
import type { ShopItemLine, ShopView } from '../../core/shop/shop-view.js';
import { toCreditsText } from '../../present/challenge-text.js';
import { EMPTY_SHOP_TEXT, toItemFacts } from '../../present/shop-text.js';
import {
  actionSet,
  headingBlock,
  subheadingBlock,
  textBlock,
  toPlainCardText,
  type CardElement,
} from './card-elements.js';

/** The card body of the shop; the caller adds the view's actions. */
export function presentShopBody(view: ShopView): CardElement[] {
  const body: CardElement[] = [headingBlock('Shop')];
  if (view.message) body.push(textBlock(toPlainCardText(view.message), { color: 'Accent' }));
  body.push(textBlock(toCreditsText(view.credits), { isSubtle: true }));
  if (view.items.length === 0) body.push(textBlock(EMPTY_SHOP_TEXT));
  body.push(...view.items.flatMap(itemElements));
  return body;
}

function itemElements(item: ShopItemLine): CardElement[] {
  const elements = [
    subheadingBlock(toPlainCardText(item.name)),
    textBlock(toItemFacts(item), { isSubtle: true, spacing: 'None' }),
    textBlock(toPlainCardText(item.description), { spacing: 'Small' }),
  ];
  if (item.action) elements.push(actionSet([item.action]));
  return elements;
}
