import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/clock.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick, postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';
const MEMBERS = Array.from({ length: 20 }, (_, index) => `UM${String(index).padStart(2, '0')}`);

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text?: string; value?: string }[];
  accessory?: { value: string };
}

function readBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [block.text?.text, ...(block.elements ?? []).map((e) => e.text)])
    .filter(Boolean)
    .join('\n');
}

describe('the shop in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  let requests = 0;
  let grants = 0;

  beforeAll(async () => {
    await slack.start();
    for (const id of [...MEMBERS, 'UADA', 'UADMIN']) {
      slack.users.set(id, { id, name: id, realName: `Member ${id}`, email: null });
    }
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        ADMINS: JSON.stringify({ [TENANT]: ['UADMIN'] }),
      },
      new ManualClock('2026-03-10T12:00:00Z'),
    );
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  async function ask(text: string, userId = 'UADA') {
    const name = `shop-${++requests}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as { text: string; blocks: Block[] };
  }

  async function click(command: string, userId: string) {
    const name = `order-${++requests}`;
    const response = await postButtonClick(app.baseUrl, {
      userId,
      actionId: 'run_command_0',
      value: command,
      responseUrl: slack.responseUrl(name),
    });
    expect(response.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as { text: string; blocks: Block[] };
  }

  async function grant(member: string, amount: number) {
    await app.services.credits.bookCredits({
      tenant: TENANT,
      member,
      key: `refund/test-${++grants}`,
      reason: 'refund',
      amount,
    });
  }

  const orders = () => app.database.collections.shopOrders.find({}).toArray();
  const balance = (member: string) => app.services.credits.balanceOf(TENANT, member);

  it('lets admins add items and choose the order channel, and no one else', async () => {
    const refused = await ask('admin shop add 50 3 Hoodie | A warm hoodie', 'UADA');
    expect(readBlocks(refused.blocks)).toContain('Only admins of this community');
    expect(await app.database.collections.shopItems.countDocuments({})).toBe(0);

    const added = await ask('admin shop add 50 3 Hoodie | A warm hoodie', 'UADMIN');
    expect(readBlocks(added.blocks)).toContain('Item “Hoodie” added as hoodie');
    await ask('admin shop add 500 10 Laptop sticker pack | Stickers', 'UADMIN');
    const channel = await ask('admin shop channel <#C0ORDERS|orders>', 'UADMIN');
    expect(readBlocks(channel.blocks)).toContain('Orders will be posted to channel C0ORDERS.');

    const shop = await ask('shop');
    expect(readBlocks(shop.blocks)).toContain('*Hoodie* · 50 credits · 3 left\nA warm hoodie');
    expect(shop.blocks.map((block) => block.accessory?.value).filter(Boolean)).toEqual([
      'shop order hoodie 0',
      'shop order laptop-sticker-pack 0',
    ]);
  });

  it('refuses an order with too few credits and changes nothing', async () => {
    await grant('UADA', 20);

    const answer = await click('shop order hoodie', 'UADA');

    expect(readBlocks(answer.blocks)).toContain('“Hoodie” costs 50 credits; you have too few.');
    expect(await balance('UADA')).toBe(20);
    expect(await orders()).toEqual([]);
    expect(await app.database.collections.stockSlots.countDocuments({})).toBe(0);
  });

  it('sells the last 3 items to 3 of 20 parallel orders, never beyond stock', async () => {
    for (const member of MEMBERS) await grant(member, 60);
    const before = slack.callsTo('/api/chat.postMessage').length;

    const answers = await Promise.all(MEMBERS.map((member) => click('shop order hoodie', member)));

    const texts = answers.map((answer) => readBlocks(answer.blocks));
    expect(texts.filter((text) => text.includes('Ordered “Hoodie” for 50 credits.'))).toHaveLength(
      3,
    );
    expect(texts.filter((text) => text.includes('“Hoodie” is sold out.'))).toHaveLength(17);
    const stored = await orders();
    expect(stored).toHaveLength(3);
    const balances = await Promise.all(MEMBERS.map(balance));
    expect(balances.filter((left) => left === 10)).toHaveLength(3);
    expect(balances.filter((left) => left === 60)).toHaveLength(17);
    for (const order of stored) expect(await balance(order.member)).toBe(10);

    const posts = slack.callsTo('/api/chat.postMessage').slice(before);
    expect(posts).toHaveLength(3);
    expect(posts[0]!.body).toMatchObject({ channel: 'C0ORDERS' });
    const postedId = /^New order (\S+):/.exec(String(posts[0]!.body.text))?.[1];
    const buyer = stored.find((order) => order.id === postedId);
    expect(posts[0]!.body.text).toBe(
      `New order ${buyer!.id}: Hoodie for <@${buyer!.member}> (50 credits). ` +
        `Mark it shipped with “admin shop shipped ${buyer!.id}”.`,
    );
    expect(readBlocks((await ask('shop')).blocks)).toContain('*Hoodie* · 50 credits · sold out');
  });

  it('never takes credits below zero when one member orders in parallel', async () => {
    await grant('UADA', 980); // 1,000 credits: enough for two sticker packs of 500

    const answers = await Promise.all(
      Array.from({ length: 5 }, () => click('shop order laptop-sticker-pack', 'UADA')),
    );

    const ordered = answers.filter((answer) => readBlocks(answer.blocks).includes('Ordered'));
    expect(ordered).toHaveLength(2);
    expect(await balance('UADA')).toBe(0);
    const entries = await app.database.collections.creditLedger.find({ member: 'UADA' }).toArray();
    expect(entries.every((entry) => entry.balance >= 0)).toBe(true);
    // Refused orders gave their stock back.
    expect(
      await app.database.collections.stockSlots.countDocuments({ item: 'laptop-sticker-pack' }),
    ).toBe(2);
  });

  it('lets an admin mark an order shipped', async () => {
    const [order] = await orders();

    const refused = await ask(`admin shop shipped ${order!.id}`, 'UADA');
    expect(readBlocks(refused.blocks)).toContain('Only admins of this community');
    const shipped = await ask(`admin shop shipped ${order!.id}`, 'UADMIN');
    expect(readBlocks(shipped.blocks)).toContain(`Order ${order!.id} marked shipped.`);

    const stored = await app.database.collections.shopOrders.findOne({ id: order!.id });
    expect(stored).toMatchObject({ status: 'shipped' });
    const list = await ask('admin shop orders', 'UADMIN');
    expect(readBlocks(list.blocks)).toContain(`${order!.id}: Hoodie for`);
  });

  /** The Order button's command of an item in a shop answer. */
  const orderButton = (answer: { blocks: Block[] }, item: string) =>
    answer.blocks
      .map((block) => block.accessory?.value)
      .find((value) => value?.startsWith(`shop order ${item} `))!;

  it('orders once when the same Order button is clicked twice at once', async () => {
    await ask('admin shop add 5 10 Sticker | One sticker', 'UADMIN');
    await grant('UM05', 100);
    const before = await balance('UM05');
    const button = orderButton(await ask('shop', 'UM05'), 'sticker');

    const answers = await Promise.all([click(button, 'UM05'), click(button, 'UM05')]);

    const texts = answers.map((answer) => readBlocks(answer.blocks));
    expect(texts.filter((text) => text.includes('Ordered “Sticker” for 5 credits.'))).toHaveLength(
      1,
    );
    expect(texts.filter((text) => text.includes('Nothing was ordered'))).toHaveLength(1);
    expect(await balance('UM05')).toBe(before - 5);
    const stickers = (await orders()).filter((order) => order.item === 'sticker');
    expect(stickers).toHaveLength(1);
    expect(await app.database.collections.stockSlots.countDocuments({ item: 'sticker' })).toBe(1);

    // The old button still orders nothing; the shop shown after the order orders again.
    const again = await click(button, 'UM05');
    expect(readBlocks(again.blocks)).toContain('Nothing was ordered');
    const fresh = await click(orderButton(again, 'sticker'), 'UM05');
    expect(readBlocks(fresh.blocks)).toContain('Ordered “Sticker” for 5 credits.');
    expect(await balance('UM05')).toBe(before - 10);
    expect(await app.database.collections.stockSlots.countDocuments({ item: 'sticker' })).toBe(2);
  });

  it('refuses a position in an Order button that is not a number', async () => {
    const answer = await click('shop order sticker 12x', 'UM05');
    expect(answer.text ?? readBlocks(answer.blocks)).toContain('“shop” takes nothing');
  });
});
