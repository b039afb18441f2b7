import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { buildEvent } from '../support/events.js';
import {
  buildActivity,
  inChannel,
  postActivity,
  TEAMS_TENANT_ID,
  type ActivityOptions,
} from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;

interface Card {
  body: Record<string, unknown>[];
  actions?: { title: string; data: { command: string } }[];
}

function readCard(card: Card): string {
  return JSON.stringify(card.body)
    .match(/"(?:text|title|value|command)":"[^"]*"/g)!
    .map((pair) => pair.replace(/^"\w+":"|"$/g, ''))
    .join('\n');
}

describe('badges, challenges and the shop in Teams', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await connector.start();
    connector.members.set('29:ada', { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Lovelace' });
    app = await startTestApp({ ADMINS: JSON.stringify({ [TENANT]: ['aad-admin'] }) });
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });
  beforeEach(() => {
    connector.sent.length = 0;
  });

  async function send(fields: Record<string, unknown>, options: Partial<ActivityOptions> = {}) {
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl, ...options },
      fields,
    );
    const response = await postActivity(app.baseUrl, activity);
    expect(response.status).toBe(200);
    await connector.waitForSent(1);
    const reply = connector.sent.at(-1)!.body as { attachments: { content: Card }[] };
    const card = reply.attachments[0]!.content;
    expectValidAdaptiveCard(card);
    return card;
  }

  it('announces a level in the member’s personal chat and lists it on a valid card', async () => {
    await send({ text: 'help' });
    connector.sent.length = 0;

    await app.services.scoring.recordActivity(
      buildEvent({
        tenant: TENANT,
        activity: 'marketplace.review_added',
        member: { kind: 'user', userId: 'aad-ada' },
      }),
    );
    await connector.waitForSent(1);
    expect(connector.sent[0]).toMatchObject({
      conversationId: 'a:personal-ada',
      body: { text: 'You earned the badge Reviewer, level 1 (green).' },
    });
    const announcement = connector.sent[0]!.body as { attachments: { content: Card }[] };
    expectValidAdaptiveCard(announcement.attachments[0]!.content);
    connector.sent.length = 0;

    const card = await send({ text: 'badges' });
    expect(readCard(card)).toContain('🟢 **Reviewer** · level 1 of 3 (green)');
    expect(readCard(card)).toContain('badges feature reviewer');
  });

  it('features a badge from its button and shows it in the profile', async () => {
    const card = await send({ value: { command: 'badges feature reviewer' } });
    expect(readCard(card)).toContain('Featured: Reviewer.');
    expect(readCard(card)).toContain('badges unfeature reviewer');

    const profile = await send({ text: 'profile' });
    expect(readCard(profile)).toContain('Featured badges: 🟢 Reviewer 1');
  });

  it('answers a badge that does not exist and changes nothing', async () => {
    const before = await app.database.collections.featuredBadges.find({}).toArray();

    const card = await send({ value: { command: 'badges feature nothing_here' } });

    expect(readCard(card)).toContain('There is no badge “nothing_here”.');
    expect(await app.database.collections.featuredBadges.find({}).toArray()).toEqual(before);
  });

  it('lists challenges with their steps on a valid card, and shows the one assigned', async () => {
    const card = await send({ text: 'challenges' });
    expect(readCard(card)).toContain('Community helper');
    expect(readCard(card)).toContain('• Upvote received: 0 of 5');

    const claim = await send({ value: { command: 'challenges claim community-helper' } });
    expect(readCard(claim)).toContain('“Community helper” is not complete yet');
    expect(await app.database.collections.creditLedger.countDocuments({})).toBe(0);

    const profile = await send({ text: 'profile' });
    expect(readCard(profile)).toContain('Community helper · 0 of 2 steps · 50 credits');
  });

  it('lists the shop on a valid card and refuses an order with too few credits', async () => {
    const refused = await send({ text: 'admin shop add 10 2 Mug | A mug' });
    expect(readCard(refused)).toContain('Only admins of this community');
    expect(await app.database.collections.shopItems.countDocuments({})).toBe(0);
    const from = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Admin' };
    connector.members.set('29:admin', from);
    const added = await send({ text: 'admin shop add 10 2 Mug | A mug' }, { from });
    expect(readCard(added)).toContain('Item “Mug” added as mug');

    const card = await send({ text: 'shop' });
    expect(readCard(card)).toContain('10 credits · 2 left');
    expect(readCard(card)).toContain('shop order mug');

    const order = await send({ value: { command: 'shop order mug' } });
    expect(readCard(order)).toContain('“Mug” costs 10 credits; you have too few.');
    expect(await app.database.collections.shopOrders.countDocuments({})).toBe(0);
  });

  it('posts a new order as a card in the admins’ channel', async () => {
    const channel = '19:orders@thread.tacv2';
    const from = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Admin' };
    // The admin chooses the channel from inside it, so the bot knows how to reach it.
    const chosen = await send(
      { text: `admin shop channel ${channel}` },
      { from, ...inChannel(channel) },
    );
    expect(readCard(chosen)).toContain(`Orders will be posted to channel ${channel}.`);
    await app.services.credits.bookCredits({
      tenant: TENANT,
      member: 'aad-ada',
      key: 'refund/teams-order-test',
      reason: 'refund',
      amount: 10,
    });
    connector.sent.length = 0;

    const ordered = await send({ value: { command: 'shop order mug' } });

    expect(readCard(ordered)).toContain('Ordered “Mug” for 10 credits.');
    const [order] = await app.database.collections.shopOrders.find({}).toArray();
    const post = connector.sent.find((sent) => sent.conversationId === channel);
    expect(post?.body).toMatchObject({
      text:
        `New order ${order!.id}: Mug for member aad-ada (10 credits). ` +
        `Mark it shipped with “admin shop shipped ${order!.id}”.`,
    });
    const card = (post!.body as { attachments: { content: Card }[] }).attachments[0]!.content;
    expectValidAdaptiveCard(card);
  });
});
