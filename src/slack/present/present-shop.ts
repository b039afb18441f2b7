/** Renders the shop as a Slack message. */
import type { ShopItemLine, ShopView } from '../../core/shop/shop-view.js';
import { EMPTY_SHOP_TEXT, toItemFacts } from '../../present/shop-text.js';
import { escapeText } from './blocks.js';
import { presentCreditListBlocks } from './present-credit-list.js';
import type { SlackMessage } from './present-slack.js';

export function presentShop(view: ShopView): SlackMessage {
  const blocks = presentCreditListBlocks({
    title: 'Shop',
    message: view.message,
    credits: view.credits,
    emptyText: EMPTY_SHOP_TEXT,
    lines: view.items.map((item) => ({ text: itemText(item), action: item.action })),
    actions: view.actions,
  });
  return { text: view.message ?? 'Shop', blocks };
}

function itemText(item: ShopItemLine): string {
  return `*${escapeText(item.name)}* · ${toItemFacts(item)}\n${escapeText(item.description)}`;
}
