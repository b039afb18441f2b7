import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { NOT_ADMIN_TEXT } from '../../src/core/admins/answer-admin.js';
import { ManualClock } from '../support/clock.js';
import { buildConfig } from '../support/database.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlackEvent, postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';

const TENANT = 'slack:T0TEST';
const ADMIN = 'U0ADMIN';
const BUZZ = 'C0BUZZ';
const QA = 'C0QA';
const HANDLED = ['slack event handled', 'slack listener failed'];

/** The app's clock; Slack timestamps below are seconds after it. */
const START = new Date('2026-03-10T12:00:00Z');

/** A Slack message timestamp `seconds` after the start, unique by `sequence`. */
function buildTs(seconds: number, sequence = 100): string {
  return `${START.getTime() / 1000 + seconds}.${String(sequence).padStart(6, '0')}`;
}

describe('Slack-native sources', () => {
  const slack = new SlackRecorder();
  const logger = new RecordingLogger();
  const clock = new ManualClock(START);
  let app: RunningApp;
  let baseUrl: string;
  let commandCount = 0;
  let eventsPosted = 0;
  let sequence = 0;

  beforeAll(async () => {
    await slack.start();
    const config = buildConfig({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      ADMINS: JSON.stringify({ [TENANT]: [ADMIN] }),
    });
    app = await startApp(config, { logger, clock });
    baseUrl = `http://127.0.0.1:${app.port}`;
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  /** Sends `/mendix <text>` and returns the text of the answer. */
  async function ask(text: string, userId = ADMIN): Promise<string> {
    const name = `command-${++commandCount}`;
    const ack = await postSlashCommand(baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    const answer = await slack.waitFor(`/respond/${name}`);
    return JSON.stringify(answer.body);
  }

  /** Posts events at once (each with its own options) and waits until the app handled them. */
  async function post(
    ...events: (
      Record<string, unknown> | [Record<string, unknown>, { retryNum?: number; eventId?: string }]
    )[]
  ): Promise<void> {
    const responses = await Promise.all(
      events.map((entry) => {
        const [event, options] = Array.isArray(entry) ? entry : [entry, {}];
        return postSlackEvent(baseUrl, event, options);
      }),
    );
    expect(responses.map((response) => response.status)).toEqual(events.map(() => 200));
    eventsPosted += events.length;
    await logger.waitForCount(HANDLED, eventsPosted);
  }

  function buildMessage(channel: string, user: string, ts: string, extra = {}) {
    return { type: 'message', channel, user, text: 'hello', ts, event_ts: ts, ...extra };
  }

  function buildReaction(
    change: 'added' | 'removed',
    input: { user: string; reaction: string; channel?: string; ts: string; eventTs?: string },
  ) {
    return {
      type: `reaction_${change}`,
      user: input.user,
      reaction: input.reaction,
      item: { type: 'message', channel: input.channel ?? QA, ts: input.ts },
      event_ts: input.eventTs ?? buildTs(60, ++sequence),
    };
  }

  /** A question by `starter` in the Q&A channel with one reply per author. */
  function buildThread(starter: string, authors: string[]) {
    const question = buildTs(30, ++sequence);
    slack.addMessage({ channel: QA, ts: question, user: starter, threadTs: question });
    const replies = authors.map((user) => {
      const ts = buildTs(40, ++sequence);
      slack.addMessage({ channel: QA, ts, user, threadTs: question });
      return ts;
    });
    return { question, replies };
  }

  async function totalOf(member: string): Promise<number> {
    return (await app.services.figures.findTotals(TENANT, member))?.total ?? 0;
  }

  async function ledgerOf(member: string) {
    const entries = await app.database.collections.ledger
      .find({ tenant: TENANT, member })
      .toArray();
    return entries
      .sort((a, b) => a.seq - b.seq)
      .map(({ activity, kind, requested, applied }) => ({ activity, kind, requested, applied }));
  }

  describe('admin sources', () => {
    it('refuses a member who is not an admin and stores nothing', async () => {
      const answer = await ask(`admin sources buzz <#${BUZZ}|buzz>`, 'U0MEMBER');

      expect(answer).toContain(NOT_ADMIN_TEXT);
      expect(await app.database.collections.slackSources.countDocuments({})).toBe(0);
    });

    it('lists the admin commands to an admin, and to nobody else', async () => {
      expect(await ask('admin')).toContain('admin sources [buzz #channel');
      expect(await ask('admin help', 'U0MEMBER')).toContain(NOT_ADMIN_TEXT);
    });

    it('answers a bad argument with the usage and stores nothing', async () => {
      const answer = await ask('admin sources buzz general');

      expect(answer).toContain('“buzz” takes one #channel.');
      expect(await app.database.collections.slackSources.countDocuments({})).toBe(0);
    });

    it('configures buzz and Q&A channels and shows them with the default emoji', async () => {
      expect(await ask(`admin sources buzz <#${BUZZ}|buzz>`)).toContain('is now a buzz channel');
      expect(await ask(`admin sources qa <#${QA}|questions>`)).toContain('is now a Q&A channel');
      await ask('admin sources buzz <#C0OTHER|other>');
      await ask('admin sources remove <#C0OTHER>');

      const answer = await ask('admin sources');

      expect(answer).toContain(`Buzz channels: <#${BUZZ}>`);
      expect(answer).toContain(`Q&A channels: <#${QA}>`);
      expect(answer).toContain('Upvote :+1:, downvote :-1:, accepted answer :white_check_mark:');
      const stored = await app.database.collections.slackSources.findOne({
        _id: `${TENANT}|channel|${BUZZ}`,
      });
      expect(stored).toMatchObject({ role: 'buzz', since: START, configuredBy: ADMIN });
    });

    it('keeps the time a channel counts from when it is configured again in the same role', async () => {
      clock.advance(5_000);
      const answer = await ask(`admin sources buzz <#${BUZZ}>`);
      clock.set(START);

      expect(answer).toContain('is a buzz channel already');
      const stored = await app.database.collections.slackSources.findOne({
        _id: `${TENANT}|channel|${BUZZ}`,
      });
      expect(stored).toMatchObject({ since: START });
    });

    it('sets the accepted emoji, with or without colons and skin tone', async () => {
      expect(await ask('admin sources accepted :heavy_check_mark:')).toContain(
        'The accepted emoji is now :heavy_check_mark:.',
      );
      expect(await ask('admin sources upvote +1::skin-tone-3')).toContain(
        'The upvote emoji is now :+1:.',
      );

      expect(await ask('admin sources')).toContain('accepted answer :heavy_check_mark:');
    });

    it('refuses an emoji that already has another meaning', async () => {
      const answer = await ask('admin sources downvote :heavy_check_mark:');

      expect(answer).toContain(':heavy_check_mark: is the accepted emoji already');
      expect(await ask('admin sources')).toContain('downvote :-1:');
    });

    it('refuses a non-admin changing the emoji, and the emoji stay as they were', async () => {
      const answer = await ask('admin sources accepted :tada:', 'U0MEMBER');

      expect(answer).toContain(NOT_ADMIN_TEXT);
      expect(await ask('admin sources')).toContain('accepted answer :heavy_check_mark:');
    });
  });

  describe('buzz posts', () => {
    it('gives a buzz post once, however often Slack delivers it', async () => {
      const message = buildMessage(BUZZ, 'U0BUZZ1', buildTs(10, ++sequence));

      await post([message, { eventId: 'EvBUZZ1' }]);
      await post(
        [message, { eventId: 'EvBUZZ1', retryNum: 1 }],
        [message, { eventId: 'EvBUZZ1', retryNum: 2 }],
      );

      expect(await ledgerOf('U0BUZZ1')).toEqual([
        { activity: 'platform.buzz_posted', kind: 'activity', requested: 1, applied: 1 },
      ]);
    });

    it('counts no edits, bot posts, thread replies, old messages or other channels', async () => {
      const user = 'U0BUZZ2';
      const parent = buildTs(10, ++sequence);
      await post(
        {
          type: 'message',
          subtype: 'message_changed',
          channel: BUZZ,
          hidden: true,
          message: { type: 'message', user, text: 'edited', ts: parent },
          ts: buildTs(11, ++sequence),
        },
        buildMessage(BUZZ, user, buildTs(12, ++sequence), { bot_id: 'B0OTHER' }),
        buildMessage(BUZZ, user, buildTs(13, ++sequence), { subtype: 'bot_message' }),
        buildMessage(BUZZ, user, buildTs(14, ++sequence), { thread_ts: parent }),
        buildMessage(BUZZ, user, buildTs(-60, ++sequence)),
        buildMessage('C0ELSEWHERE', user, buildTs(15, ++sequence)),
      );

      expect(await ledgerOf(user)).toEqual([]);
    });

    it('gives at most 10 buzz points a day and keeps what was asked', async () => {
      const user = 'U0BUZZ3';
      const messages = Array.from({ length: 12 }, (_, index) =>
        buildMessage(BUZZ, user, buildTs(20 + index, ++sequence)),
      );

      await post(...messages);

      expect(await totalOf(user)).toBe(10);
      const ledger = await ledgerOf(user);
      expect(ledger).toHaveLength(12);
      expect(ledger.filter((entry) => entry.applied === 0)).toHaveLength(2);
      expect(ledger.every((entry) => entry.requested === 1)).toBe(true);
    });
  });

  describe('votes in Q&A channels', () => {
    it('gives an upvote on a reply to its author once, and takes it back on removal', async () => {
      const { replies } = buildThread('U0ASK1', ['U0ANS1']);
      const added = buildReaction('added', { user: 'U0VOTER', reaction: '+1', ts: replies[0]! });

      await post([added, { eventId: 'EvUP1' }]);
      await post([added, { eventId: 'EvUP1', retryNum: 1 }]);
      expect(await totalOf('U0ANS1')).toBe(10);

      await post(buildReaction('removed', { user: 'U0VOTER', reaction: '+1', ts: replies[0]! }));

      expect(await totalOf('U0ANS1')).toBe(0);
      expect(await ledgerOf('U0ANS1')).toEqual([
        { activity: 'community.upvote_received', kind: 'activity', requested: 10, applied: 10 },
        { activity: 'community.upvote_received', kind: 'reversal', requested: -10, applied: -10 },
      ]);
    });

    it('counts a skin-toned upvote as the same vote', async () => {
      const { replies } = buildThread('U0ASK2', ['U0ANS2']);
      const reaction = '+1::skin-tone-4';

      await post(buildReaction('added', { user: 'U0VOTER', reaction, ts: replies[0]! }));
      expect(await totalOf('U0ANS2')).toBe(10);
    });

    it('gives nothing for an upvote on yourself, on a question or in another channel', async () => {
      const { question, replies } = buildThread('U0ASK3', ['U0ANS3']);
      slack.addMessage({
        channel: 'C0ELSEWHERE',
        ts: replies[0]!,
        user: 'U0ANS3',
        threadTs: question,
      });

      await post(
        buildReaction('added', { user: 'U0ANS3', reaction: '+1', ts: replies[0]! }),
        buildReaction('added', { user: 'U0VOTER', reaction: '+1', ts: question }),
        buildReaction('added', {
          user: 'U0VOTER',
          reaction: '+1',
          channel: 'C0ELSEWHERE',
          ts: replies[0]!,
        }),
      );

      expect(await totalOf('U0ANS3')).toBe(0);
      expect(await totalOf('U0ASK3')).toBe(0);
    });

    it('gives nothing when the removal arrives before the addition', async () => {
      const { replies } = buildThread('U0ASK4', ['U0ANS4']);
      const input = { user: 'U0VOTER', reaction: '+1', ts: replies[0]! };

      await post(buildReaction('removed', { ...input, eventTs: buildTs(62, ++sequence) }));
      await post(buildReaction('added', { ...input, eventTs: buildTs(61, ++sequence) }));

      expect(await totalOf('U0ANS4')).toBe(0);
    });

    it('gives nothing when addition and removal arrive at the same time', async () => {
      const { replies } = buildThread('U0ASK5', ['U0ANS5']);
      const input = { user: 'U0VOTER', reaction: '+1', ts: replies[0]! };

      await post(buildReaction('added', input), buildReaction('removed', input));

      expect(await totalOf('U0ANS5')).toBe(0);
    });

    it('stops upvote points at 50 a day, and a reversal takes back only what was given', async () => {
      const voters = ['U0V1', 'U0V2', 'U0V3', 'U0V4', 'U0V5', 'U0V6'];
      const { replies } = buildThread('U0ASK6', ['U0ANS6']);
      const ts = replies[0]!;

      await post(...voters.map((user) => buildReaction('added', { user, reaction: '+1', ts })));
      expect(await totalOf('U0ANS6')).toBe(50);
      const given = await ledgerOf('U0ANS6');
      expect(given.map((entry) => entry.applied).sort()).toEqual([0, 10, 10, 10, 10, 10]);

      await post(...voters.map((user) => buildReaction('removed', { user, reaction: '+1', ts })));
      expect(await totalOf('U0ANS6')).toBe(0);
    });

    it('takes points from the author and the voter for a downvote, and back on removal', async () => {
      const { replies } = buildThread('U0ASK7', ['U0ANS7']);
      const upvoted = buildReaction('added', { user: 'U0V1', reaction: '+1', ts: replies[0]! });
      await post(upvoted);
      const voter = buildMessage(BUZZ, 'U0DOWN', buildTs(25, ++sequence));
      await post(voter);

      await post(buildReaction('added', { user: 'U0DOWN', reaction: '-1', ts: replies[0]! }));
      expect(await totalOf('U0ANS7')).toBe(8);
      expect(await totalOf('U0DOWN')).toBe(0);

      await post(buildReaction('removed', { user: 'U0DOWN', reaction: '-1', ts: replies[0]! }));
      expect(await totalOf('U0ANS7')).toBe(10);
      expect(await ledgerOf('U0DOWN')).toEqual([
        { activity: 'platform.buzz_posted', kind: 'activity', requested: 1, applied: 1 },
        { activity: 'community.downvote_cast', kind: 'activity', requested: -1, applied: -1 },
        { activity: 'community.downvote_cast', kind: 'reversal', requested: 1, applied: 1 },
      ]);
    });
  });

  describe('accepted answers', () => {
    const ACCEPTED = 'heavy_check_mark';

    it('gives the author and the asker their points when the asker accepts a reply', async () => {
      const { replies } = buildThread('U0Q1', ['U0A1']);

      await post(buildReaction('added', { user: 'U0Q1', reaction: ACCEPTED, ts: replies[0]! }));

      expect(await totalOf('U0A1')).toBe(15);
      expect(await totalOf('U0Q1')).toBe(2);
    });

    it('ignores the accepted emoji from anyone but the asker', async () => {
      const { replies } = buildThread('U0Q2', ['U0A2']);

      await post(buildReaction('added', { user: 'U0OTHER', reaction: ACCEPTED, ts: replies[0]! }));

      expect(await totalOf('U0A2')).toBe(0);
      expect(await totalOf('U0OTHER')).toBe(0);
    });

    it('moves the acceptance to another reply, and takes it back on removal', async () => {
      const { replies } = buildThread('U0Q3', ['U0A3', 'U0B3']);
      const [first, second] = [replies[0]!, replies[1]!];

      await post(buildReaction('added', { user: 'U0Q3', reaction: ACCEPTED, ts: first }));
      await post(buildReaction('added', { user: 'U0Q3', reaction: ACCEPTED, ts: second }));
      expect([await totalOf('U0A3'), await totalOf('U0B3'), await totalOf('U0Q3')]).toEqual([
        0, 15, 2,
      ]);

      // Removing the reaction from the reply that is no longer accepted changes nothing.
      await post(buildReaction('removed', { user: 'U0Q3', reaction: ACCEPTED, ts: first }));
      expect(await totalOf('U0B3')).toBe(15);

      await post(buildReaction('removed', { user: 'U0Q3', reaction: ACCEPTED, ts: second }));
      expect([await totalOf('U0A3'), await totalOf('U0B3'), await totalOf('U0Q3')]).toEqual([
        0, 0, 0,
      ]);
    });

    it('counts a retried acceptance once', async () => {
      const { replies } = buildThread('U0Q4', ['U0A4']);
      const added = buildReaction('added', { user: 'U0Q4', reaction: ACCEPTED, ts: replies[0]! });

      await post([added, { eventId: 'EvACC4' }]);
      await post(
        [added, { eventId: 'EvACC4', retryNum: 1 }],
        [added, { eventId: 'EvACC4', retryNum: 2 }],
      );

      expect(await ledgerOf('U0A4')).toEqual([
        { activity: 'community.answer_accepted', kind: 'activity', requested: 15, applied: 15 },
      ]);
    });

    it('keeps one accepted reply when the asker accepts several at once', async () => {
      const authors = ['U0A5', 'U0B5', 'U0C5', 'U0D5'];
      const { replies } = buildThread('U0Q5', authors);

      await post(
        ...replies.map((ts) => buildReaction('added', { user: 'U0Q5', reaction: ACCEPTED, ts })),
      );

      const totals = await Promise.all(authors.map(totalOf));
      expect([...totals].sort((a, b) => a - b)).toEqual([0, 0, 0, 15]);
      expect(await totalOf('U0Q5')).toBe(2);
    });

    it('gives nothing when the asker accepts their own reply', async () => {
      const { replies } = buildThread('U0Q6', ['U0Q6']);

      await post(buildReaction('added', { user: 'U0Q6', reaction: ACCEPTED, ts: replies[0]! }));

      expect(await totalOf('U0Q6')).toBe(0);
    });
  });

  beforeEach(() => {
    clock.set(START);
  });
});
