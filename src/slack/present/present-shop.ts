/** Renders the shop as a Slack message. */
import type { ShopItemLine, ShopView } from '../../core/shop/shop-view.js';
import { toCreditsText } from '../../present/challenge-text.js';
import { EMPTY_SHOP_TEXT, toItemFacts } from '../../present/shop-text.js';
import {
  buttons,
  context,
  escapeText,
  header,
  section,
  withinBlockLimit,
  type KnownBlock,
} from './blocks.js';
import type { SlackMessage } from './present-slack.js';

export function presentShop(view: ShopView): SlackMessage {
  const blocks: KnownBlock[] = [header('Shop')];
  if (view.message) blocks.push(section(`:information_source: ${escapeText(view.message)}`));
  blocks.push(context(toCreditsText(view.credits)));
  if (view.items.length === 0) blocks.push(section(EMPTY_SHOP_TEXT));
  blocks.push(...view.items.map((item) => section(itemText(item), item.action)));
  blocks.push(...buttons(view.actions));
  return { text: view.message ?? 'Shop', blocks: withinBlockLimit(blocks) };
}

function itemText(item: ShopItemLine): string {
  return `*${escapeText(item.name)}* · ${toItemFacts(item)}\n${escapeText(item.description)}`;
}
