/**
 * Ordering from the shop: a stock slot first, then the credit debit; a debit refused for too
 * few credits gives the slot back, so neither stock nor credits are ever overdrawn.
 *
 * A shop's Order buttons carry the member's credit position the shop was shown at, and the
 * debit is booked only right after it: a second click on the same shop (a double click, or an
 * old message) orders nothing, because the first order moved the credits on.
 */
import type { CommunityAdminCommand } from '../commands/community-admin-grammar.js';
import type { Credits } from '../credits/credit-ledger.js';
import type { View } from '../profile/profile-view.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ChannelPoster, ShopItem, ShopOrder, ShopRepository } from './shop-item.js';
import type { ShopItemLine, ShopView } from './shop-view.js';

export interface ShopOptions {
  repository: ShopRepository;
  credits: Pick<Credits, 'bookCredits' | 'stateOf'>;
  poster: ChannelPoster;
  newId: () => string;
  clock: Clock;
  logger: Logger;
}

type ShopAdmin = Extract<CommunityAdminCommand, { area: 'shop' }>;

export function createShop(options: ShopOptions) {
  const { repository, credits, poster, clock } = options;
  const logger = options.logger.child({ module: 'shop' });

  async function toLine(item: ShopItem, seen: number): Promise<ShopItemLine> {
    const left = Math.max(0, item.stock - (await repository.countTaken(item)));
    const order = { label: 'Order', command: `shop order ${item.id} ${seen}` };
    const action = left > 0 ? order : null;
    const { id, name, description, price } = item;
    return { id, name, description, price, left, action };
  }

  async function showShop(tenant: string, member: string, message: string | null = null) {
    const [items, state] = await Promise.all([
      repository.listItems(tenant),
      credits.stateOf(tenant, member),
    ]);
    const view: ShopView = {
      kind: 'shop',
      message,
      credits: state.balance,
      items: await Promise.all(items.map((item) => toLine(item, state.seq))),
      actions: [{ label: 'My profile', command: 'profile' }],
    };
    return view;
  }

  /** Orders the item; `seen` is the credit position of the shop the order came from. */
  async function orderItem(
    tenant: string,
    member: string,
    itemId: string,
    seen?: number,
  ): Promise<View> {
    const item = await repository.findItem(tenant, itemId);
    if (!item) return showShop(tenant, member, `There is no item “${itemId}” in the shop.`);
    const state = await credits.stateOf(tenant, member);
    if (seen !== undefined && state.seq !== seen) return showShop(tenant, member, STALE_TEXT);
    if (state.balance < item.price) return showShop(tenant, member, tooFewCredits(item));

    const orderId = options.newId();
    const slot = await repository.takeSlot(item, orderId);
    if (slot === null)
      return showShop(tenant, member, await soldOutText(tenant, member, item, seen));

    const debit = await credits.bookCredits({
      tenant,
      member,
      key: `order/${orderId}`,
      reason: 'order',
      amount: -item.price,
      ...(seen !== undefined ? { afterSeq: seen } : {}),
    });
    if (debit.kind === 'insufficient' || debit.kind === 'stale') {
      await repository.releaseSlot(item, slot);
      return showShop(tenant, member, debit.kind === 'stale' ? STALE_TEXT : tooFewCredits(item));
    }

    const order: ShopOrder = {
      ...{ tenant, id: orderId, member, item: item.id, itemName: item.name, price: item.price },
      slot,
      status: 'ordered',
      orderedAt: clock.now(),
      shippedAt: null,
    };
    await repository.addOrder(order);
    logger.info({ tenant, member, item: item.id, order: orderId }, 'item ordered');
    await notifyAdmins(order);
    return showShop(tenant, member, `Ordered “${item.name}” for ${item.price} credits.`);
  }

  /**
   * Sold out, unless the click was a repeat of one that has just ordered (the other click took
   * the last piece): then the member hears that this click ordered nothing more.
   */
  async function soldOutText(tenant: string, member: string, item: ShopItem, seen?: number) {
    const moved = seen !== undefined && (await credits.stateOf(tenant, member)).seq !== seen;
    return moved ? STALE_TEXT : `“${item.name}” is sold out.`;
  }

  async function notifyAdmins(order: ShopOrder): Promise<void> {
    const channel = await repository.findOrderChannel(order.tenant);
    if (!channel) return;
    const { id: orderId, itemName, member, price } = order;
    try {
      await poster.postToChannel(order.tenant, channel, {
        kind: 'shop_order',
        ...{ orderId, itemName, member, price },
      });
    } catch (error) {
      // The order stands; admins also see it with “admin shop orders”.
      logger.warn({ tenant: order.tenant, order: order.id, err: error }, 'order post failed');
    }
  }

  async function runAdmin(tenant: string, command: ShopAdmin): Promise<string> {
    switch (command.action) {
      case 'add': {
        const item: ShopItem = { tenant, ...command.item };
        if ((await repository.addItem(item)) === 'duplicate') {
          return `An item with the id “${item.id}” exists already.`;
        }
        logger.info({ tenant, item: item.id }, 'shop item added');
        return `Item “${item.name}” added as ${item.id}: ${item.price} credits, ${item.stock} in stock.`;
      }
      case 'channel':
        await repository.saveOrderChannel(tenant, command.channel);
        return `Orders will be posted to channel ${command.channel}.`;
      case 'orders': {
        const orders = await repository.listOrders(tenant);
        if (orders.length === 0) return 'There are no orders.';
        return orders
          .map((o) => `${o.id}: ${o.itemName} for ${o.member}, ${o.price} credits, ${o.status}`)
          .join('\n');
      }
      case 'shipped': {
        const order = await repository.findOrder(tenant, command.order);
        if (!order) return `There is no order “${command.order}”.`;
        if (order.status === 'shipped') return `Order ${order.id} is marked shipped already.`;
        await repository.markShipped(tenant, order.id, clock.now());
        logger.info({ tenant, order: order.id }, 'order shipped');
        return `Order ${order.id} marked shipped.`;
      }
    }
  }

  /** Runs an admin's shop command; the admin check is answer-admin's, in front of every one. */
  async function manageShop(viewer: { tenant: string; userId: string }, command: ShopAdmin) {
    const message = await runAdmin(viewer.tenant, command);
    return { kind: 'notice' as const, message, actions: [] };
  }

  return { showShop, orderItem, manageShop };
}

export type Shop = ReturnType<typeof createShop>;

/** A click on a shop shown before the member's credits last changed. */
const STALE_TEXT =
  'Nothing was ordered: your credits changed since that shop was shown (an order from it ' +
  'went through already, or credits came in). Here is the shop as it is now.';

function tooFewCredits(item: ShopItem): string {
  return `“${item.name}” costs ${item.price} credits; you have too few.`;
}
