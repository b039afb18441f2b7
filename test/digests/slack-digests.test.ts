import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildEvent } from '../support/events.js';
import {
  buildSubscription,
  dayOf,
  markerIdOf,
  readSlackMessage,
} from '../support/digest-fixtures.js';
import { ManualClock } from '../support/clock.js';
import {
  toDigestKey,
  type DigestSubscription,
} from '../../src/core/digests/digest-subscription.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { uniqueDatabaseName } from '../support/database.js';

const TENANT = 'slack:T0TEST';
const ENVIRONMENT = {
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  DEFAULT_TIMEZONE: 'Europe/Amsterdam',
  ADMINS: JSON.stringify({ [TENANT]: ['UADMIN'] }),
  // The tests run the digest job themselves, at the instants they choose.
  DIGEST_CHECK_SECONDS: '86400',
  PUBLIC_BASE_URL: 'https://bot.example.test',
};

describe('daily digests in Slack', () => {
  const slack = new SlackRecorder();
  const clock = new ManualClock('2026-12-03T07:00:00Z');
  let app: TestApp;
  let second: TestApp;
  let commandCount = 0;
  let eventCount = 0;

  beforeAll(async () => {
    await slack.start();
    // Slack stamps posts with the time the tests set.
    slack.now = () => clock.now().getTime();
    const environment = {
      ...ENVIRONMENT,
      SLACK_API_URL: slack.apiUrl,
      MONGODB_DATABASE: uniqueDatabaseName('digests'),
    };
    // Two instances of the app on one database, as in a deployment with two replicas.
    app = await startTestApp(environment, clock);
    second = await startTestApp(environment, clock);
    for (const id of ['U01', 'U02', 'U03', 'U09']) {
      slack.users.set(id, { id, name: id, realName: `Member ${id}`, email: null });
      await ask('help', id);
    }
  });
  afterEach(async () => {
    await app.database.collections.digestSubscriptions.deleteMany({});
  });
  afterAll(async () => {
    await second.stop();
    await app.stop();
    await slack.stop();
  });

  async function ask(text: string, userId: string, channelId?: string) {
    const name = `digest-${++commandCount}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      ...(channelId ? { channelId } : {}),
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    const answer = await slack.waitFor(`/respond/${name}`);
    return String(answer.body.text);
  }

  async function award(userId: string, activity: string, occurredAt: string) {
    await app.services.scoring.recordActivity(
      buildEvent({
        eventId: `digest-${++eventCount}`,
        activity,
        member: { kind: 'user', userId },
        occurredAt: new Date(occurredAt),
      }),
    );
  }

  /** A digest's chart image is served by either instance, for seven days. */
  async function expectLeadersChart(post: ReturnType<typeof postsTo>[number]) {
    const blocks = JSON.parse(String(post.body.blocks)) as { type: string; image_url?: string }[];
    const url = blocks.find((block) => block.type === 'image')!.image_url!;
    const base = ENVIRONMENT.PUBLIC_BASE_URL;
    expect(url.startsWith(`${base}/charts/`)).toBe(true);
    const response = await fetch(`${second.baseUrl}${url.slice(base.length)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    const token = url.slice(url.lastIndexOf('/') + 1, -'.png'.length);
    const stored = await app.database.collections.chartImages.findOne({ _id: token });
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(7 * 86_400_000);
  }

  /** The digests posted to a channel so far. */
  const postsTo = (channel: string) =>
    slack.callsTo('/api/chat.postMessage').filter((call) => call.body.channel === channel);

  it('lets an admin subscribe, list and unsubscribe the channel', async () => {
    const subscribed = await ask('digest subscribe learning 08:15 Europe/London', 'UADMIN');
    expect(subscribed).toBe(
      'This channel gets the Learning digest every day at 08:15 (Europe/London), first on ' +
        '2026-12-03.',
    );
    expect(await app.services.digestSubscriptions.find(TENANT, 'C0GENERAL')).toMatchObject({
      scope: { kind: 'category', category: 'learning' },
      time: '08:15',
      timeZone: 'Europe/London',
      createdBy: 'UADMIN',
      active: true,
    });

    expect(await ask('digest list', 'UADMIN')).toBe(
      'Digests:\n• C0GENERAL: Learning at 08:15 Europe/London',
    );
    expect(await ask('digest unsubscribe', 'UADMIN')).toBe(
      'This channel no longer gets the daily digest.',
    );
    expect(await app.services.digestSubscriptions.listByTenant(TENANT)).toEqual([]);
  });

  it('uses the defaults: everyone, 09:00, the tenant’s time zone', async () => {
    await ask('digest subscribe', 'UADMIN');

    expect(await app.services.digestSubscriptions.find(TENANT, 'C0GENERAL')).toMatchObject({
      scope: { kind: 'all' },
      time: '09:00',
      timeZone: 'Europe/Amsterdam',
    });
  });

  it('refuses a non-admin, a bad time and a bad zone, and stores nothing', async () => {
    expect(await ask('digest subscribe', 'U01')).toBe(
      'Only admins can see and change digests. Ask a community manager.',
    );
    expect(await ask('digest subscribe 25:00', 'UADMIN')).toContain(
      '“25:00” is not a time of day; write HH:MM, e.g. 09:00.',
    );
    expect(await ask('digest subscribe 09:00 Mars/Olympus', 'UADMIN')).toContain(
      '“Mars/Olympus” is not a time zone',
    );
    expect(await ask('digest list', 'U01')).toContain('Only admins');

    expect(await app.services.digestSubscriptions.listByTenant(TENANT)).toEqual([]);
  });

  it('refuses to subscribe a direct message and stores nothing', async () => {
    expect(await ask('digest subscribe all 09:00', 'UADMIN', 'D0DIRECT')).toBe(
      'Run “digest subscribe” in the channel that should get the digest.',
    );
    expect(await app.services.digestSubscriptions.listByTenant(TENANT)).toEqual([]);
  });

  it('posts at the local time, once, even with two instances running the job at once', async () => {
    await award('U01', 'learning.rapid_course_attended', '2026-12-02T10:00:00Z');
    await award('U02', 'impact.hackathon_won', '2026-12-02T10:00:00Z');
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0ONCE', '2026-12-03T06:00:00Z'),
    );

    await runBoth('2026-12-03T07:59:00Z');
    expect(postsTo('C0ONCE')).toHaveLength(0);

    await runBoth('2026-12-03T08:00:00Z');
    await runBoth('2026-12-03T08:01:00Z');
    await runBoth('2026-12-03T12:00:00Z');

    expect(postsTo('C0ONCE')).toHaveLength(1);
    const text = readSlackMessage(postsTo('C0ONCE')[0]!);
    expect(text).toContain('Daily digest: Everyone · Thu 3 Dec');
    expect(text).toContain('*1.* Member U02');
    expect(text).not.toContain('Posted late');
    await expectLeadersChart(postsTo('C0ONCE')[0]!);

    await runBoth('2026-12-04T08:00:00Z');
    expect(postsTo('C0ONCE')).toHaveLength(2);
  });

  it('shows climbers since the previous digest and badges earned since then', async () => {
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0CLIMB', '2026-12-05T06:00:00Z'),
    );
    await runBoth('2026-12-05T08:00:00Z');

    // U03, not ranked before, goes past both others.
    for (let course = 0; course < 15; course++) {
      await award('U01', 'learning.rapid_course_attended', '2026-12-05T12:00:00Z');
    }
    await award('U03', 'impact.hackathon_won', '2026-12-05T12:00:00Z');
    await award('U03', 'impact.hackathon_won', '2026-12-05T12:00:00Z');
    await app.database.collections.badgeAwards.insertOne({
      _id: `${TENANT}|U03|hackathon|1`,
      tenant: TENANT,
      member: 'U03',
      badge: 'hackathon',
      badgeName: 'Hackathon Hero',
      level: 1,
      rarity: 'purple',
      earnedAt: new Date('2026-12-05T12:00:00Z'),
    });
    await app.services.leaderboards.refresh(TENANT);
    await runBoth('2026-12-06T08:00:00Z');

    const text = readSlackMessage(postsTo('C0CLIMB').at(-1)!);
    expect(text).toContain('*Biggest climbers*\nMember U03: new at #1');
    // The hackathon itself earned a badge as it was booked, beside the one stored above.
    expect(text).toContain('*New badges*\n🟢 Member U03 earned Hackathoner');
    expect(text).toContain('🟣 Member U03 earned Hackathon Hero');
  });

  it('catches up a missed digest once, marked late, and only the latest missed day', async () => {
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0LATE', '2026-12-07T06:00:00Z'),
    );
    await runBoth('2026-12-07T08:00:00Z');

    // Down from the 7th until the afternoon of the 10th: three digests missed.
    await runBoth('2026-12-10T13:00:00Z');
    await runBoth('2026-12-10T13:05:00Z');

    const posts = postsTo('C0LATE');
    expect(posts).toHaveLength(2);
    expect(readSlackMessage(posts[1]!)).toContain('Daily digest: Everyone · Thu 10 Dec');
    expect(readSlackMessage(posts[1]!)).toContain('Posted late');
  });

  it('takes over a claim whose instance died before posting, after its lease', async () => {
    const subscription = buildSubscription(TENANT, 'C0CRASH', '2026-12-08T06:00:00Z');
    await app.services.digestSubscriptions.save(subscription);
    // An instance claimed the digest at 09:00 and stopped before posting it.
    await app.services.digestPosts.claim({
      ...dayOf(subscription, '2026-12-08'),
      attempt: 1,
      owner: 'crashed-instance',
      claimedAt: new Date('2026-12-08T08:00:00Z'),
      retryAt: new Date('2026-12-08T08:05:00Z'),
      late: false,
    });

    await runBoth('2026-12-08T08:01:00Z');
    expect(postsTo('C0CRASH')).toHaveLength(0);

    await runBoth('2026-12-08T08:05:00Z');
    await runBoth('2026-12-08T08:06:00Z');
    expect(postsTo('C0CRASH')).toHaveLength(1);
    expect(
      await app.services.digestPosts.latestAttempt(dayOf(subscription, '2026-12-08')),
    ).toMatchObject({ attempt: 2 });
  });

  /** An attempt of an instance that died while Slack was taking its post. */
  async function claimAsDiedWhileSending(
    subscription: DigestSubscription,
    day: string,
    at: string,
  ) {
    const claimedAt = new Date(at);
    const attempt = {
      ...dayOf(subscription, day),
      attempt: 1,
      owner: 'killed-instance',
      claimedAt,
      retryAt: new Date(claimedAt.getTime() + 300_000),
      late: false,
    };
    await app.services.digestPosts.claim(attempt);
    await app.services.digestPosts.markSending(attempt, claimedAt);
  }

  const markerOf = (subscription: DigestSubscription, day: string) =>
    app.database.collections.digestPosts.findOne({ _id: markerIdOf(subscription, day) });

  it('does not post again a digest that a dead instance got into the channel', async () => {
    const subscription = buildSubscription(TENANT, 'C0TOOK', '2026-12-09T06:00:00Z');
    await app.services.digestSubscriptions.save(subscription);
    await claimAsDiedWhileSending(subscription, '2026-12-09', '2026-12-09T08:00:00Z');
    // Slack took that post: it is in the channel with the digest's key.
    slack.posted.push({
      channel: 'C0TOOK',
      ts: '1796803201.000001',
      text: 'Daily digest',
      metadata: {
        event_type: 'community_profile_digest',
        event_payload: { key: toDigestKey(dayOf(subscription, '2026-12-09')) },
      },
    });

    await runBoth('2026-12-09T08:05:00Z');
    await runBoth('2026-12-09T08:06:00Z');

    expect(postsTo('C0TOOK')).toHaveLength(0);
    const lookups = slack
      .callsTo('/api/conversations.history')
      .filter((call) => call.body.channel === 'C0TOOK');
    expect(lookups).toHaveLength(1);
    expect(lookups[0]!.body).toMatchObject({ include_all_metadata: 'true' });
    expect(Number(lookups[0]!.body.oldest)).toBe(Date.parse('2026-12-09T07:59:00Z') / 1000);
    expect(await markerOf(subscription, '2026-12-09')).toMatchObject({ how: 'found' });
    const stored = await app.services.digestSubscriptions.find(TENANT, 'C0TOOK');
    expect(stored!.lastDay).toBe('2026-12-09');
  });

  it('posts once when a send got no answer and the channel shows it never arrived', async () => {
    const subscription = buildSubscription(TENANT, 'C0LOST', '2026-12-10T06:00:00Z');
    await app.services.digestSubscriptions.save(subscription);
    const release = slack.hold('/api/chat.postMessage', (call) => call.body.channel === 'C0LOST');
    const run = runBoth('2026-12-10T08:00:00Z');
    await waitForCall((call) => call.body.channel === 'C0LOST');
    release('drop');
    await run;
    expect(await markerOf(subscription, '2026-12-10')).toBeNull();

    await runBoth('2026-12-10T08:01:10Z');

    expect(slack.posted.filter((message) => message.channel === 'C0LOST')).toHaveLength(1);
    expect(
      slack.callsTo('/api/conversations.history').filter((c) => c.body.channel === 'C0LOST'),
    ).toHaveLength(1);
    expect(await markerOf(subscription, '2026-12-10')).toMatchObject({ how: 'posted' });
  });

  it('leaves a maybe-posted digest alone when the channel’s history is refused', async () => {
    const subscription = buildSubscription(TENANT, 'C0NOSCOPE', '2026-12-12T06:00:00Z');
    await app.services.digestSubscriptions.save(subscription);
    await claimAsDiedWhileSending(subscription, '2026-12-12', '2026-12-12T08:00:00Z');
    slack.queue('/api/conversations.history', { body: { ok: false, error: 'missing_scope' } });

    await runBoth('2026-12-12T08:05:00Z');
    await runBoth('2026-12-13T07:00:00Z');

    expect(postsTo('C0NOSCOPE')).toHaveLength(0);
    expect(await markerOf(subscription, '2026-12-12')).toMatchObject({ how: 'not_reposted' });

    // The next day is a day like any other.
    await runBoth('2026-12-13T08:00:00Z');
    expect(postsTo('C0NOSCOPE')).toHaveLength(1);
  });

  /** Waits until a call to chat.postMessage matches. */
  async function waitForCall(matches: (call: (typeof slack.calls)[number]) => boolean) {
    for (let tries = 0; tries < 200; tries++) {
      if (slack.callsTo('/api/chat.postMessage').some(matches)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('no matching chat.postMessage');
  }

  it('waits out a 429 and posts once when Slack takes it', async () => {
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0BUSY', '2026-12-11T06:00:00Z'),
    );
    slack.queue('/api/chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '30' },
      body: { ok: false, error: 'ratelimited' },
    });

    await runBoth('2026-12-11T08:00:00Z');
    expect(postsTo('C0BUSY')).toHaveLength(1);
    expect(
      await app.database.collections.digestPosts.countDocuments({
        postedAt: { $exists: true },
        subscriptionId: `${TENANT}|C0BUSY`,
      }),
    ).toBe(0);

    await runBoth('2026-12-11T08:00:20Z');
    expect(postsTo('C0BUSY')).toHaveLength(1);

    await runBoth('2026-12-11T08:00:31Z');
    await runBoth('2026-12-11T08:05:00Z');
    expect(postsTo('C0BUSY')).toHaveLength(2);
    expect(
      await app.database.collections.digestPosts.countDocuments({
        postedAt: { $exists: true },
        subscriptionId: `${TENANT}|C0BUSY`,
      }),
    ).toBe(1);
  });

  it('turns the subscription off when the channel is gone and tells the admin', async () => {
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0GONE', '2026-12-12T06:00:00Z'),
    );
    slack.queue('/api/chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });

    await runBoth('2026-12-12T08:00:00Z');
    await runBoth('2026-12-13T08:00:00Z');

    expect(postsTo('C0GONE')).toHaveLength(1);
    expect(await app.services.digestSubscriptions.find(TENANT, 'C0GONE')).toMatchObject({
      active: false,
      disabledReason: 'channel_not_found',
    });
    const [message] = postsTo('UADMIN');
    expect(String(message!.body.text)).toContain(
      'The daily digest for channel C0GONE is turned off',
    );
  });

  it('fires 00:30 Amsterdam once per local day across the October change', async () => {
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0DST', '2026-10-24T17:00:00Z', { time: '00:30' }),
    );

    for (let t = Date.parse('2026-10-24T18:00:00Z'); t <= Date.parse('2026-10-27T00:00:00Z');) {
      clock.set(new Date(t));
      await app.digests.runDue();
      t += 30 * 60_000;
    }

    const titles = postsTo('C0DST').map((call) => readSlackMessage(call).split('\n')[0]);
    expect(titles).toEqual([
      'Daily digest: Everyone · Sun 25 Oct',
      'Daily digest: Everyone · Mon 26 Oct',
      'Daily digest: Everyone · Tue 27 Oct',
    ]);
  });

  it('ranks the 30-day window by days in the tenant’s time zone', async () => {
    clock.set('2026-12-20T10:00:00Z');
    // 00:30 on 21 November in Amsterdam is inside the window ending 20 December; 23:30 on the
    // 20th is not.
    await award('U09', 'learning.presentation_given', '2026-11-20T23:30:00Z');
    await award('U09', 'learning.blog_post_featured', '2026-11-20T22:30:00Z');
    await app.services.leaderboards.refresh(TENANT);
    await app.services.digestSubscriptions.save(
      buildSubscription(TENANT, 'C0WINDOW', '2026-12-20T07:00:00Z'),
    );

    await app.digests.runDue();

    const text = readSlackMessage(postsTo('C0WINDOW')[0]!);
    expect(text).toContain('Points earned 21 Nov – 20 Dec');
    expect(text).toMatch(/\*\d+\.\* Member U09 · 25$/m);
  });

  it('gives a channel re-subscribed in another zone one digest per local day', async () => {
    clock.set('2026-12-24T01:00:00Z');
    await ask('digest subscribe all 01:53 UTC', 'UADMIN', 'C0DIG');
    await runBoth('2026-12-24T01:53:00Z');
    expect(postsTo('C0DIG')).toHaveLength(1);

    // 18:00 on 23 December in Los Angeles: the digest of 17:53 there was that day's.
    clock.set('2026-12-24T02:00:00Z');
    expect(await ask('digest subscribe all 18:01 America/Los_Angeles', 'UADMIN', 'C0DIG')).toBe(
      'This channel gets the Everyone digest every day at 18:01 (America/Los_Angeles), first ' +
        'on 2026-12-24.',
    );
    // The climbers of the next digest count from the last one.
    expect(await app.services.digestSubscriptions.find(TENANT, 'C0DIG')).toMatchObject({
      lastPostedAt: new Date('2026-12-24T01:53:00Z'),
      snapshot: expect.any(Array),
    });

    await runBoth('2026-12-24T02:01:00Z');
    await runBoth('2026-12-24T03:00:00Z');
    expect(postsTo('C0DIG')).toHaveLength(1);

    // 18:01 on 24 December in Los Angeles, although the UTC subscription posted its 24 December.
    await runBoth('2026-12-25T02:01:00Z');
    await runBoth('2026-12-25T02:02:00Z');
    expect(postsTo('C0DIG')).toHaveLength(2);
    expect(readSlackMessage(postsTo('C0DIG')[1]!)).toContain('Daily digest: Everyone · Thu 24 Dec');
  });

  it('does not post again today when re-subscribed after today’s digest', async () => {
    clock.set('2026-12-26T07:00:00Z');
    await ask('digest subscribe all 09:00 Europe/Amsterdam', 'UADMIN', 'C0AGAIN');
    await runBoth('2026-12-26T08:00:00Z');
    expect(postsTo('C0AGAIN')).toHaveLength(1);

    clock.set('2026-12-26T08:30:00Z');
    expect(await ask('digest subscribe all 09:00 Europe/Amsterdam', 'UADMIN', 'C0AGAIN')).toContain(
      'first on 2026-12-27.',
    );
    // Nor with a later time that has not come yet today.
    expect(await ask('digest subscribe all 10:00 Europe/Amsterdam', 'UADMIN', 'C0AGAIN')).toContain(
      'first on 2026-12-27.',
    );
    await runBoth('2026-12-26T09:00:00Z');
    await runBoth('2026-12-26T12:00:00Z');
    expect(postsTo('C0AGAIN')).toHaveLength(1);

    await runBoth('2026-12-27T09:00:00Z');
    await runBoth('2026-12-27T09:01:00Z');
    expect(postsTo('C0AGAIN')).toHaveLength(2);
  });

  it('times claims and retries when each subscription is handled, not at the run’s start', async () => {
    const hang = buildSubscription(TENANT, 'C0HANG', '2026-12-28T06:00:00Z');
    const busy = buildSubscription(TENANT, 'C0R429', '2026-12-28T06:00:00Z');
    await app.services.digestSubscriptions.save(hang);
    await app.services.digestSubscriptions.save(busy);
    // C0HANG is handled first; its post gets no answer for ten seconds.
    const release = slack.hold('/api/chat.postMessage', (call) => call.body.channel === 'C0HANG');
    slack.queue('/api/chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '20' },
      body: { ok: false, error: 'ratelimited' },
    });

    clock.set('2026-12-28T08:00:00Z');
    const run = app.digests.runDue();
    await waitForCall((call) => call.body.channel === 'C0HANG');
    clock.advance(10_000);
    release('drop');
    await run;

    const handledAt = new Date('2026-12-28T08:00:10Z');
    expect(await app.services.digestPosts.latestAttempt(dayOf(busy, '2026-12-28'))).toMatchObject({
      claimedAt: handledAt,
      retryAt: new Date('2026-12-28T08:00:30Z'),
    });
    expect(await app.services.digestPosts.latestAttempt(dayOf(hang, '2026-12-28'))).toMatchObject({
      claimedAt: new Date('2026-12-28T08:00:00Z'),
      sendingAt: new Date('2026-12-28T08:00:00Z'),
      retryAt: new Date('2026-12-28T08:01:10Z'),
    });

    await runBoth('2026-12-28T08:00:25Z');
    expect(postsTo('C0R429')).toHaveLength(1);
    await runBoth('2026-12-28T08:00:30Z');
    expect(postsTo('C0R429')).toHaveLength(2);
    expect(await markerOf(busy, '2026-12-28')).toMatchObject({ how: 'posted' });
  });

  it('does not post twice when re-subscribed while today’s digest is being posted', async () => {
    clock.set('2026-12-30T07:00:00Z');
    await ask('digest subscribe all 09:00 Europe/Amsterdam', 'UADMIN', 'C0MIDPOST');
    const release = slack.hold(
      '/api/chat.postMessage',
      (call) => call.body.channel === 'C0MIDPOST',
    );
    const run = runBoth('2026-12-30T08:00:00Z');
    await waitForCall((call) => call.body.channel === 'C0MIDPOST');

    clock.set('2026-12-30T08:00:05Z');
    const answer = await ask('digest subscribe all 09:01 Europe/Amsterdam', 'UADMIN', 'C0MIDPOST');
    release();
    await run;

    expect(answer).toContain('first on 2026-12-31.');
    await runBoth('2026-12-30T08:01:00Z');
    await runBoth('2026-12-30T12:00:00Z');
    expect(slack.posted.filter((post) => post.channel === 'C0MIDPOST')).toHaveLength(1);
    await runBoth('2026-12-31T08:01:00Z');
    expect(slack.posted.filter((post) => post.channel === 'C0MIDPOST')).toHaveLength(2);
  });

  /** Both instances run the digest job at the same instant. */
  async function runBoth(instant: string) {
    clock.set(instant);
    await Promise.all([app.digests.runDue(), second.digests.runDue()]);
  }
});
