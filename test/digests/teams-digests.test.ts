import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { ManualClock } from '../support/clock.js';
import { markerIdOf } from '../support/digest-fixtures.js';
import {
  buildActivity,
  inChannel,
  postActivity,
  TEAMS_TENANT_ID,
} from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;
const CHANNEL = '19:general@thread.tacv2';
const TEAM = '19:team@thread.tacv2';
const ADMIN = { id: '29:grace', aadObjectId: 'aad-grace', name: 'Grace Hopper' };
const MEMBER = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Lovelace' };

interface Card {
  version: string;
  body: { text?: string }[];
}

describe('daily digests in Teams', () => {
  const connector = new BotFrameworkRecorder();
  const clock = new ManualClock('2026-12-03T07:00:00Z');
  let app: TestApp;

  beforeAll(async () => {
    await connector.start();
    connector.members.set(ADMIN.id, ADMIN);
    connector.members.set(MEMBER.id, MEMBER);
    app = await startTestApp(
      {
        DEFAULT_TIMEZONE: 'Europe/Amsterdam',
        ADMINS: JSON.stringify({ [TENANT]: [ADMIN.aadObjectId] }),
        DIGEST_CHECK_SECONDS: '86400',
      },
      clock,
    );
  });
  afterEach(async () => {
    await app.database.collections.digestSubscriptions.deleteMany({});
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  /** Types a message in the team channel and returns the text of the bot's answer. */
  async function sayInChannel(text: string, from = ADMIN, channel = CHANNEL) {
    const before = connector.sent.length;
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl, from, ...inChannel(channel, TEAM) },
      { text },
    );
    expect((await postActivity(app.baseUrl, activity)).status).toBe(200);
    await connector.waitForSent(before + 1);
    return String(connector.sent.at(-1)!.body.text);
  }

  /** The digest cards posted to a channel so far. */
  function digestsIn(channel: string): Card[] {
    return connector.sent
      .filter((sent) => sent.conversationId === channel)
      .map((sent) => sent.body as { attachments?: { content: Card }[] })
      .filter((body) => body.attachments?.[0]?.content.body[0]?.text?.startsWith('Daily digest'))
      .map((body) => body.attachments![0]!.content);
  }

  async function runAt(instant: string) {
    clock.set(instant);
    await app.digests.runDue();
  }

  it('subscribes a channel for an admin, refuses a member, lists and unsubscribes', async () => {
    expect(await sayInChannel('digest subscribe', MEMBER)).toBe(
      'Only admins can see and change digests. Ask a community manager.',
    );
    expect(await app.services.digestSubscriptions.listByTenant(TENANT)).toEqual([]);

    expect(await sayInChannel('digest subscribe 7:45 Mars/Base')).toContain(
      '“Mars/Base” is not a time zone',
    );
    expect(await sayInChannel('digest subscribe 08:30')).toBe(
      'This channel gets the Everyone digest every day at 08:30 (Europe/Amsterdam), first on ' +
        '2026-12-03.',
    );
    expect(await sayInChannel('digest list')).toBe(
      `Digests:\n• ${CHANNEL}: Everyone at 08:30 Europe/Amsterdam`,
    );
    expect(await sayInChannel('digest unsubscribe')).toBe(
      'This channel no longer gets the daily digest.',
    );
    expect(await app.services.digestSubscriptions.listByTenant(TENANT)).toEqual([]);
  });

  it('refuses to subscribe a one-to-one chat', async () => {
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl, from: ADMIN },
      { text: 'digest subscribe' },
    );
    const before = connector.sent.length;
    await postActivity(app.baseUrl, activity);
    await connector.waitForSent(before + 1);

    expect(String(connector.sent.at(-1)!.body.text)).toBe(
      'Run “digest subscribe” in the channel that should get the digest.',
    );
    expect(await app.services.digestSubscriptions.listByTenant(TENANT)).toEqual([]);
  });

  it('posts the digest card to the channel through the stored reference, once', async () => {
    clock.set('2026-12-04T06:00:00Z');
    await sayInChannel('digest subscribe 08:30');

    await runAt('2026-12-04T07:29:00Z');
    expect(digestsIn(CHANNEL)).toHaveLength(0);

    await runAt('2026-12-04T07:30:00Z');
    await runAt('2026-12-04T07:31:00Z');

    const cards = digestsIn(CHANNEL);
    expect(cards).toHaveLength(1);
    expectValidAdaptiveCard(cards[0]);
    expect(cards[0]!.body[0]!.text).toBe('Daily digest: Everyone · Fri 4 Dec');
  });

  it('retries a throttled send later and posts once', async () => {
    clock.set('2026-12-05T06:00:00Z');
    await sayInChannel('digest subscribe 09:00', ADMIN, '19:busy@thread.tacv2');
    // More refusals than the connector client retries by itself.
    for (let refusal = 0; refusal < 4; refusal++) connector.failNext(429, { 'retry-after': '0' });

    await runAt('2026-12-05T08:00:00Z');
    expect(digestsIn('19:busy@thread.tacv2')).toHaveLength(0);

    await runAt('2026-12-05T08:02:00Z');
    await runAt('2026-12-05T08:03:00Z');
    expect(digestsIn('19:busy@thread.tacv2')).toHaveLength(1);
  });

  it('does not send again a digest whose send may have gone out, as Teams cannot tell', async () => {
    clock.set('2026-12-07T06:00:00Z');
    const channel = '19:unsure@thread.tacv2';
    await sayInChannel('digest subscribe 09:00', ADMIN, channel);
    // Server errors past the connector client's own retries: the card may or may not be there.
    for (let failure = 0; failure < 4; failure++) {
      connector.failNext(503, { 'retry-after': '0' });
    }

    await runAt('2026-12-07T08:00:00Z');
    const subscription = await app.services.digestSubscriptions.find(TENANT, channel);
    const posted = () =>
      app.database.collections.digestPosts.findOne({
        _id: markerIdOf(subscription!, '2026-12-07'),
      });
    expect(await posted()).toBeNull();

    await runAt('2026-12-07T08:02:00Z');
    await runAt('2026-12-07T08:10:00Z');

    expect(digestsIn(channel)).toHaveLength(0);
    expect(await posted()).toMatchObject({ how: 'not_reposted' });
    expect(await app.services.digestSubscriptions.find(TENANT, channel)).toMatchObject({
      active: true,
      lastDay: '2026-12-07',
    });
  });

  it('turns the subscription off on a 404 and tells the admin in a direct chat', async () => {
    clock.set('2026-12-06T06:00:00Z');
    await sayInChannel('digest subscribe 09:00', ADMIN, '19:gone@thread.tacv2');
    connector.failNext(404);
    const before = connector.sent.length;

    await runAt('2026-12-06T08:00:00Z');

    expect(
      await app.services.digestSubscriptions.find(TENANT, '19:gone@thread.tacv2'),
    ).toMatchObject({ active: false, disabledReason: 'http_404' });
    const sent = connector.sent.slice(before);
    const opened = sent.find((activity) => activity.conversationId === '');
    expect(opened?.body).toMatchObject({ members: [{ id: ADMIN.aadObjectId }] });
    expect(JSON.stringify(sent)).toContain('The daily digest for channel 19:gone@thread.tacv2');
  });
});
