/**
 * SIGTERM while work is in flight that Slack will not send again: a command already
 * acknowledged and still being answered, and a digest being posted. The instance takes no new
 * request, finishes both, cuts off a client that never finishes its request, and exits with 0.
 */
import { connect } from 'node:net';
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
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';

dayjs.extend(utc);

const TENANT = 'slack:T0TEST';
const CHANNEL = 'C0STOPPING';

describe('SIGTERM with work in flight', () => {
  const slack = new SlackRecorder();
  const databaseName = uniqueDatabaseName('graceful_stop');
  let database: Database;
  let instance: AppProcess;
  let releaseDigest: ReturnType<SlackRecorder['hold']>;
  let releaseLookup: ReturnType<SlackRecorder['hold']>;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0LATE', { id: 'U0LATE', name: 'late', realName: 'Late Comer', email: null });
    database = await openDatabase({
      uri: inject('mongoUri'),
      databaseName,
      dataDir: 'unused',
      logger: silentLogger,
    });
    const now = dayjs.utc();
    await buildServices(database, systemClock).digestSubscriptions.save(
      buildSubscription(TENANT, CHANNEL, now.subtract(2, 'day').toISOString(), {
        time: now.subtract(2, 'minute').format('HH:mm'),
        timeZone: 'UTC',
      }),
    );
    // Slack keeps both the digest post and the new member's lookup waiting.
    releaseDigest = slack.hold('/api/chat.postMessage', (call) => call.body.channel === CHANNEL);
    releaseLookup = slack.hold('/api/users.info');
    instance = await startAppProcess({
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DATABASE: databaseName,
      SLACK_BOT_TOKEN: 'xoxb-graceful',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      DIGEST_CHECK_SECONDS: '10',
      LOG_LEVEL: 'warn',
    });
  });
  afterAll(async () => {
    releaseDigest?.();
    releaseLookup?.();
    await instance?.stop().catch(() => null);
    await database?.close();
    await slack.stop();
  });

  it('finishes an acknowledged command and a digest post, then exits with 0', async () => {
    await waitUntil(() =>
      slack.callsTo('/api/chat.postMessage').some((call) => call.body.channel === CHANNEL),
    );
    const ack = await postSlashCommand(instance.baseUrl, {
      text: 'profile',
      userId: 'U0LATE',
      responseUrl: slack.responseUrl('late'),
    });
    expect(ack.status).toBe(200);
    await slack.waitFor('/api/users.info');
    // A client that never finishes sending its request, on a connection of its own.
    const slowClient = await openSlowRequest(instance.baseUrl);

    const exit = instance.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Stopping: no new request is taken, on a new connection or on one kept alive.
    const refused = await fetch(`${instance.baseUrl}/healthz`).then(
      (response) => (response.status === 200 ? 'answered' : 'refused'),
      () => 'refused',
    );
    releaseLookup();
    releaseDigest();

    expect(await exit).toBe(0);
    expect(refused).toBe('refused');
    expect(await slowClient.closed).toBe(true);
    const answer = await slack.waitFor('/respond/late');
    expect(JSON.stringify(answer.body)).toContain('Late Comer');
    const member = await database.collections.members.findOne({ _id: `${TENANT}|U0LATE` });
    expect(member).toMatchObject({ displayName: 'Late Comer' });
    expect(slack.posted.filter((post) => post.channel === CHANNEL)).toHaveLength(1);
    const markers = await database.collections.digestPosts
      .find({ subscriptionId: `${TENANT}|${CHANNEL}`, postedAt: { $exists: true } })
      .toArray();
    expect(markers).toMatchObject([{ how: 'posted' }]);
  }, 90_000);
});

/** Sends the headers and a little of a request's body, then nothing more. */
async function openSlowRequest(baseUrl: string) {
  const { port } = new URL(baseUrl);
  const socket = connect(Number(port), '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(
    'POST /api/v1/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
      'content-length: 1000\r\n\r\n{"events":',
  );
  const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
  return { closed };
}

async function waitUntil(probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
