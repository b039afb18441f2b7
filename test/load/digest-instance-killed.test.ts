/**
 * Two app processes run the daily digests, and the one sending a digest is killed with SIGKILL
 * while Slack takes that post. The survivor finishes the run: every due digest is in its
 * channel exactly once, the one the killed instance sent included.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { systemClock } from '../../src/core/shared/clock.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { buildServices, uniqueDatabaseName } from '../support/database.js';
import { buildSubscription } from '../support/digest-fixtures.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { SIGNING_SECRET } from '../support/slack-requests.js';

dayjs.extend(utc);

const TENANT = 'slack:T0TEST';
/** Digested in this order: the killed instance is caught sending the second. */
const CHANNELS = ['C0KILLA', 'C0KILLB', 'C0KILLC'];
const KILLED_WHILE_SENDING = 'C0KILLB';
/** Long enough for the dead instance's job lock (30 s) and two digest checks to pass. */
const RECOVERY_MS = 150_000;

describe('a digest run through a crash of one instance', () => {
  const slack = new SlackRecorder();
  const databaseName = uniqueDatabaseName('digest_kill');
  const instances: AppProcess[] = [];
  let database: Database;
  let release: ReturnType<SlackRecorder['hold']>;
  let createdAt: string;

  beforeAll(async () => {
    await slack.start();
    database = await openDatabase({
      uri: inject('mongoUri'),
      databaseName,
      dataDir: 'unused',
      logger: silentLogger,
    });
    // Due two minutes ago, subscribed the day before yesterday.
    const now = dayjs.utc();
    const time = now.subtract(2, 'minute').format('HH:mm');
    createdAt = now.subtract(2, 'day').toISOString();
    const services = buildServices(database, systemClock);
    for (const channel of CHANNELS) {
      const subscription = buildSubscription(TENANT, channel, createdAt, { time, timeZone: 'UTC' });
      await services.digestSubscriptions.save(subscription);
    }

    // Slack keeps the instance that sends this digest waiting, until the test lets go.
    release = slack.hold(
      '/api/chat.postMessage',
      (call) => call.body.channel === KILLED_WHILE_SENDING,
    );
    const environment = {
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DATABASE: databaseName,
      SLACK_BOT_TOKEN: 'xoxb-digest-kill',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DIGEST_CHECK_SECONDS: '10',
      LOG_LEVEL: 'warn',
    };
    instances.push(await startAppProcess(environment), await startAppProcess(environment));
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop().catch(() => null)));
    await database?.close();
    await slack.stop();
  });

  const idOf = (channel: string) => `${TENANT}|${channel}`;
  const postedIn = (channel: string) => slack.posted.filter((post) => post.channel === channel);

  it(
    'posts every due digest once, the one the killed instance was sending included',
    async () => {
      const sending = await waitUntil(() =>
        database.collections.digestPosts.findOne({
          subscriptionId: idOf(KILLED_WHILE_SENDING),
          attempt: 1,
          sendingAt: { $exists: true },
        }),
      );
      await waitUntil(async () =>
        slack
          .callsTo('/api/chat.postMessage')
          .some((call) => call.body.channel === KILLED_WHILE_SENDING),
      );

      // The owner names itself host:pid:random.
      const ownerPid = Number(sending.owner!.split(':').at(-2));
      const killed = instances.find((instance) => instance.pid === ownerPid)!;
      expect(killed).toBeDefined();
      await killed.kill();
      instances.splice(instances.indexOf(killed), 1);
      // Slack took the post the instance sent before it died.
      release('answer');
      // Five minutes pass: the dead owner's lease on its attempt runs out.
      await database.collections.digestPosts.updateOne(
        { _id: sending._id },
        { $set: { retryAt: new Date(Date.now() - 1000) } },
      );

      const markers = await waitUntil(async () => {
        const found = await database.collections.digestPosts
          .find({ _id: { $in: CHANNELS.map((channel) => markerId(channel, sending.day)) } })
          .toArray();
        return found.length === CHANNELS.length ? found : null;
      }, RECOVERY_MS);

      for (const channel of CHANNELS) expect(postedIn(channel)).toHaveLength(1);
      const marker = (channel: string) => markers.find((m) => m._id === markerId(channel, m.day));
      expect(marker(KILLED_WHILE_SENDING)).toMatchObject({ how: 'found' });
      expect(marker('C0KILLC')).toMatchObject({ how: 'posted' });
      const lookups = slack
        .callsTo('/api/conversations.history')
        .filter((call) => call.body.channel === KILLED_WHILE_SENDING);
      expect(lookups.length).toBeGreaterThan(0);

      const stored = await database.collections.digestSubscriptions
        .find({ tenant: TENANT })
        .toArray();
      expect(stored.map((subscription) => subscription.lastDay)).toEqual(
        CHANNELS.map(() => sending.day),
      );
    },
    RECOVERY_MS + 60_000,
  );

  function markerId(channel: string, day: string) {
    return `digest|${idOf(channel)}|${Date.parse(createdAt)}|${day}|posted`;
  }
});

/** Polls until `probe` gives something, or fails after `timeoutMs`. */
async function waitUntil<T>(
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('waited too long');
}
