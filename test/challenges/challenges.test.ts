import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/shared/logger.js';
import { createServices } from '../../src/services.js';
import { ManualClock } from '../support/clock.js';
import { buildConfig } from '../support/database.js';
import { buildEvent } from '../support/events.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick, postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';
const NOW = '2026-03-10T12:00:00Z';
const ADD_SPRING =
  'admin challenge add 40 2026-03-05 2026-03-20 ' +
  'community.upvote_received=2,learning.lecture_completed=1 Spring helper';

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string; value?: string }[];
  accessory?: { value: string; text: { text: string } };
}

function readBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [
      block.text?.text,
      ...(block.fields ?? []).map((field) => field.text),
      ...(block.elements ?? []).map((e) => e.text),
    ])
    .filter(Boolean)
    .join('\n');
}

function buttonCommands(blocks: Block[]): string[] {
  return blocks.flatMap((block) => [
    ...(block.accessory ? [block.accessory.value] : []),
    ...(block.type === 'actions' ? (block.elements ?? []).map((e) => e.value!) : []),
  ]);
}

describe('challenges and credits in Slack', () => {
  const slack = new SlackRecorder();
  const clock = new ManualClock(NOW);
  let app: TestApp;
  let requests = 0;
  let events = 0;

  beforeAll(async () => {
    await slack.start();
    for (const id of ['UADA', 'UBOB', 'UCAT', 'UADMIN']) {
      slack.users.set(id, { id, name: id, realName: `Member ${id}`, email: null });
    }
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        ADMINS: JSON.stringify({ [TENANT]: ['UADMIN'] }),
        CHALLENGE_GRACE_DAYS: '5',
      },
      clock,
    );
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  async function ask(text: string, userId = 'UADA') {
    const name = `challenges-${++requests}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as { text: string; blocks: Block[] };
  }

  async function click(command: string, userId = 'UADA') {
    const name = `click-${++requests}`;
    const response = await postButtonClick(app.baseUrl, {
      userId,
      actionId: 'run_command_0',
      value: command,
      responseUrl: slack.responseUrl(name),
    });
    expect(response.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as { text: string; blocks: Block[] };
  }

  async function award(userId: string, activity: string, occurredAt = NOW) {
    await app.services.scoring.recordActivity(
      buildEvent({
        eventId: `challenge-${++events}`,
        activity,
        member: { kind: 'user', userId },
        occurredAt: new Date(occurredAt),
      }),
    );
  }

  const creditEntries = () => app.database.collections.creditLedger.find({}).toArray();
  const storedChallenges = () => app.database.collections.challenges.find({}).toArray();

  it('gives a new tenant the default challenges, with steps, time left and credits', async () => {
    const answer = await ask('challenges');
    const text = readBlocks(answer.blocks);

    expect(text).toContain('*Community helper* · 50 credits · a month left');
    expect(text).toContain('• Upvote received: 0 of 5');
    expect(text).toContain('*Marketplace maker* · 100 credits');
    expect(text).toContain('You have 0 credits.');
    expect(buttonCommands(answer.blocks)).toEqual(['profile']);
  });

  it('lets only admins manage challenges, and refuses bad input without storing', async () => {
    const before = await storedChallenges();

    const refused = await ask(ADD_SPRING, 'UBOB');
    expect(readBlocks(refused.blocks)).toContain('Only admins of this community');
    const unknown = await ask(
      'admin challenge add 40 2026-03-05 2026-03-20 community.nothing=2 Bad one',
      'UADMIN',
    );
    expect(readBlocks(unknown.blocks)).toContain('There is no activity “community.nothing”.');
    const backwards = await ask(
      'admin challenge add 40 2026-03-20 2026-03-05 community.upvote_received=2 Bad one',
      'UADMIN',
    );
    expect(readBlocks(backwards.blocks)).toContain('The end day comes before the start day.');
    expect(await storedChallenges()).toEqual(before);

    const added = await ask(ADD_SPRING, 'UADMIN');
    expect(readBlocks(added.blocks)).toContain('Challenge “Spring helper” added as spring-helper.');
    const again = await ask(ADD_SPRING, 'UADMIN');
    expect(readBlocks(again.blocks)).toContain('exists already');
    const list = await ask('admin challenge list', 'UADMIN');
    expect(readBlocks(list.blocks)).toContain(
      'spring-helper: Spring helper, 40 credits, 2026-03-05 to 2026-03-20, ' +
        'community.upvote_received=2,learning.lecture_completed=1',
    );
  });

  it('counts only activity inside the window, and refuses a claim before every step', async () => {
    await award('UADA', 'community.upvote_received', '2026-03-01T10:00:00Z');
    await award('UADA', 'community.upvote_received');
    await award('UADA', 'learning.lecture_completed');

    const answer = await ask('challenges');
    expect(readBlocks(answer.blocks)).toContain('• Upvote received: 1 of 2');
    expect(buttonCommands(answer.blocks)).not.toContain('challenges claim spring-helper');

    // A hand-made button value claims as whoever clicks, and checks that member's progress.
    const forged = await click('challenges claim spring-helper');
    expect(readBlocks(forged.blocks)).toContain('“Spring helper” is not complete yet');
    expect(await creditEntries()).toEqual([]);
  });

  it('pays Claim Credits once for double clicks and for two app instances', async () => {
    await award('UADA', 'community.upvote_received');
    const answer = await ask('challenges');
    expect(buttonCommands(answer.blocks)).toContain('challenges claim spring-helper');
    expect(readBlocks(answer.blocks)).toContain('• Upvote received: 2 of 2 ✓');

    const second = createServices(app.database, buildConfig(), clock, silentLogger);
    await Promise.all([
      ...Array.from({ length: 4 }, () => click('challenges claim spring-helper')),
      second.challenges.claimCredits(TENANT, 'UADA', 'spring-helper'),
      app.services.challenges.claimCredits(TENANT, 'UADA', 'spring-helper'),
    ]);

    const entries = await creditEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      member: 'UADA',
      amount: 40,
      balance: 40,
      challengesClaimed: 1,
      key: 'challenge/spring-helper/UADA',
    });
    const after = await ask('challenges');
    expect(readBlocks(after.blocks)).toContain('You have 40 credits.');
    expect(readBlocks(after.blocks)).toContain('*Spring helper* · 40 credits · credits claimed');
    expect(readBlocks((await ask('profile')).blocks)).toContain('*Credits*\n40');
    expect(
      await app.database.collections.badgeAwards.findOne({ badge: 'challenger' }),
    ).toMatchObject({ member: 'UADA', level: 1 });
  });

  it('shows the assigned challenge on the profile', async () => {
    const profile = await ask('profile', 'UBOB');
    expect(readBlocks(profile.blocks)).toContain('*Challenge*\nSpring helper · 0 of 2 steps');
  });

  it('keeps completed challenges claimable for the grace period and expires the rest', async () => {
    await award('UCAT', 'community.upvote_received');
    await award('UCAT', 'community.upvote_received');
    await award('UCAT', 'learning.lecture_completed');

    clock.set('2026-03-23T12:00:00Z');
    const cat = await ask('challenges', 'UCAT');
    expect(readBlocks(cat.blocks)).toContain('*Spring helper* · 40 credits · claimable for 3 days');
    const bob = await ask('challenges', 'UBOB');
    expect(readBlocks(bob.blocks)).not.toContain('Spring helper');

    clock.set('2026-03-27T12:00:00Z');
    const late = await click('challenges claim spring-helper', 'UCAT');
    expect(readBlocks(late.blocks)).toContain('“Spring helper” has ended.');
    expect(await creditEntries()).toHaveLength(1);

    clock.set('2026-03-22T12:00:00Z');
    const inGrace = await click('challenges claim spring-helper', 'UCAT');
    expect(readBlocks(inGrace.blocks)).toContain('You received 40 credits for “Spring helper”.');
    clock.set(NOW);
  });

  it('lets an admin set the grace period and remove a challenge', async () => {
    const grace = await ask('admin challenge grace 10', 'UADMIN');
    expect(readBlocks(grace.blocks)).toContain('claimed for 10 days');
    expect(await app.services.challenges.graceDaysOf(TENANT)).toBe(10);

    const removed = await ask('admin challenge remove spring-helper', 'UADMIN');
    expect(readBlocks(removed.blocks)).toContain('Challenge spring-helper removed.');
    const refused = await ask('admin challenge remove community-helper', 'UBOB');
    expect(readBlocks(refused.blocks)).toContain('Only admins of this community');
    expect((await storedChallenges()).map((challenge) => challenge.id).sort()).toEqual([
      'community-helper',
      'keep-learning',
      'marketplace-maker',
    ]);
  });
});
