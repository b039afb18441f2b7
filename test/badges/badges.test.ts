import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toBadgeCatalog } from '../../src/core/badges/badge-catalog.js';
import type { BadgesView } from '../../src/core/badges/badge-view.js';
import { rebuildTenantBadges } from '../../src/core/badges/rebuild-badges.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import type { Database } from '../../src/db/database.js';
import { presentSlackMessage } from '../../src/slack/present/present-slack.js';
import { presentTeamsMessage } from '../../src/teams/present/present-teams.js';
import { createServices } from '../../src/services.js';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { ManualClock } from '../support/clock.js';
import { buildConfig, openTestDatabase } from '../support/database.js';
import { buildEvent } from '../support/events.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick, postSlashCommand } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { SIGNING_SECRET } from '../support/slack-requests.js';

const TENANT = 'slack:T0TEST';
const NOW = '2026-03-10T12:00:00Z';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text?: string; value?: string; action_id?: string }[];
  accessory?: { value: string; action_id: string; text: { text: string } };
}

function readBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [block.text?.text, ...(block.elements ?? []).map((e) => e.text)])
    .filter(Boolean)
    .join('\n');
}

/** Every command a message's buttons run. */
function buttonCommands(blocks: Block[]): string[] {
  return blocks.flatMap((block) => [
    ...(block.accessory ? [block.accessory.value] : []),
    ...(block.type === 'actions' ? (block.elements ?? []).map((e) => e.value!) : []),
  ]);
}

describe('badges in Slack', () => {
  const slack = new SlackRecorder();
  const clock = new ManualClock(NOW);
  let app: TestApp;
  let commands = 0;
  let events = 0;

  beforeAll(async () => {
    await slack.start();
    for (const id of ['UADA', 'UBOB']) {
      slack.users.set(id, { id, name: id, realName: `Member ${id}`, email: null });
    }
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      },
      clock,
    );
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  async function ask(text: string, userId = 'UADA') {
    const name = `badges-${++commands}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    const body = (await slack.waitFor(`/respond/${name}`)).body;
    return body as { text: string; blocks: Block[] };
  }

  async function click(command: string, userId = 'UADA') {
    const name = `click-${++commands}`;
    const response = await postButtonClick(app.baseUrl, {
      userId,
      actionId: 'run_command_0',
      value: command,
      responseUrl: slack.responseUrl(name),
    });
    expect(response.status).toBe(200);
    const body = (await slack.waitFor(`/respond/${name}`)).body;
    return body as { text: string; blocks: Block[] };
  }

  async function award(activity: string, count = 1, userId = 'UADA', day = NOW) {
    for (let index = 0; index < count; index++) {
      await app.services.scoring.recordActivity(
        buildEvent({
          eventId: `badge-${++events}`,
          activity,
          member: { kind: 'user', userId },
          occurredAt: new Date(day),
        }),
      );
    }
  }

  const awards = () => app.database.collections.badgeAwards;
  const featured = () => app.database.collections.featuredBadges.findOne({ _id: `${TENANT}|UADA` });

  it('records a level once when the event arrives and tells the member directly', async () => {
    await award('learning.presentation_given');

    const stored = await awards().find({ member: 'UADA' }).toArray();
    expect(stored).toEqual([
      {
        _id: `${TENANT}|UADA|speaker|1`,
        tenant: TENANT,
        member: 'UADA',
        badge: 'speaker',
        badgeName: 'Speaker',
        level: 1,
        rarity: 'green',
        earnedAt: new Date(NOW),
      },
    ]);
    const messages = slack.callsTo('/api/chat.postMessage');
    expect(messages).toHaveLength(1);
    expect(messages[0]!.body).toMatchObject({
      channel: 'UADA',
      text: 'You earned the badge Speaker, level 1 (green).',
    });

    // Refreshing again, also several at once, earns and announces nothing more.
    await Promise.all(
      Array.from({ length: 5 }, () => app.services.badges.refreshBadges(TENANT, 'UADA')),
    );
    expect(await awards().countDocuments({ member: 'UADA' })).toBe(1);
    expect(slack.callsTo('/api/chat.postMessage')).toHaveLength(1);
  });

  it('earns each level of a multi-level badge once, with the rarer colour', async () => {
    await award('learning.presentation_given', 4);

    const levels = await awards().find({ member: 'UADA', badge: 'speaker' }).toArray();
    expect(levels.map((level) => [level.level, level.rarity])).toEqual([
      [1, 'green'],
      [2, 'blue'],
    ]);
  });

  it('lists earned badges at their highest level, progress in percent and next badges', async () => {
    await award('community.upvote_received', 4);
    await award('learning.rapid_certification');
    await award('learning.advanced_certification');

    const answer = await ask('badges');
    const text = readBlocks(answer.blocks);

    expect(answer.blocks[0]).toMatchObject({ text: { text: 'Badges: Member UADA' } });
    expect(text).toContain('*Earned: 2 badges*');
    expect(text).toContain(':large_blue_circle: *Speaker* · level 2 of 3 (blue)');
    expect(text).not.toContain('*Speaker* · level 1');
    expect(text).toContain(':large_purple_circle: *Certified* · level 3 of 4 (purple)');
    expect(text).toContain('Well Liked · 40% · 4 of 10 for level 1');
    expect(text).toContain('Speaker · 50% · 5 of 10 for level 3');
    expect(text).toContain('*Next badges*');
    expect(buttonCommands(answer.blocks)).toEqual([
      'badges feature certified',
      'badges feature speaker',
      'profile',
    ]);
  });

  it('features a badge from its button and shows it in the profile header', async () => {
    const answer = await click('badges feature speaker');

    expect(readBlocks(answer.blocks)).toContain('Featured: Speaker.');
    expect(buttonCommands(answer.blocks)).toContain('badges unfeature speaker');
    expect((await featured())?.badges).toEqual(['speaker']);

    const profile = await ask('profile');
    expect(readBlocks(profile.blocks)).toContain(
      '*Featured badges:* :large_blue_circle: Speaker 2',
    );
  });

  it('refuses bad input with a clear reply and changes nothing', async () => {
    const before = await featured();
    const cases: [string, string][] = [
      ['badges feature no_such_badge', 'There is no badge “no_such_badge”.'],
      ['badges feature recruiter', 'You have not earned “Recruiter” yet.'],
      ['badges feature speaker', '“Speaker” is featured already.'],
      ['badges unfeature reviewer', '“Reviewer” is not featured.'],
    ];
    for (const [command, problem] of cases) {
      expect(readBlocks((await click(command)).blocks)).toContain(problem);
    }
    expect(readBlocks((await ask('badges feature')).blocks)).toContain(
      '“badges feature” takes one badge key',
    );
    expect(await featured()).toEqual(before);
  });

  it('features at most four badges', async () => {
    await award('community.answer_accepted');
    await award('marketplace.review_added');
    await award('marketplace.app_published');
    for (const key of ['certified', 'helpful_answers', 'reviewer']) {
      await click(`badges feature ${key}`);
    }
    const four = await featured();

    const answer = await click('badges feature app_publisher');

    expect(readBlocks(answer.blocks)).toContain('You can feature at most 4 badges');
    expect(await featured()).toEqual(four);
    expect(four?.badges).toEqual(['speaker', 'certified', 'helpful_answers', 'reviewer']);

    const removed = await click('badges unfeature certified');
    expect(readBlocks(removed.blocks)).toContain('Removed from featured: Certified.');
    expect((await featured())?.badges).toEqual(['speaker', 'helpful_answers', 'reviewer']);
  });

  it('shows another member’s badges without buttons to feature them', async () => {
    const answer = await ask('badges <@UADA>', 'UBOB');

    expect(readBlocks(answer.blocks)).toContain('*Speaker*');
    expect(buttonCommands(answer.blocks)).toEqual([]);
  });

  it('counts days in a row and reversals from the ledger, and the rebuild agrees', async () => {
    for (const day of ['2026-03-01', '2026-03-02', '2026-03-03']) {
      await award('platform.buzz_posted', 1, 'UBOB', `${day}T09:00:00Z`);
    }
    await award('community.upvote_received', 2, 'UBOB');
    await app.services.scoring.recordActivity(
      buildEvent({
        eventId: `badge-${++events}`,
        activity: 'community.upvote_received',
        member: { kind: 'user', userId: 'UBOB' },
        reverses: `badge-${events - 1}`,
      }),
    );
    expect(await awards().findOne({ _id: `${TENANT}|UBOB|on_a_roll|1` })).toMatchObject({
      rarity: 'green',
    });
    const progress = app.database.collections.badgeProgress;
    const before = await progress.findOne({ _id: `${TENANT}|UBOB` });
    expect(before?.counts).toEqual({ 'platform:buzz_posted': 3, 'community:upvote_received': 1 });
    expect(before?.streak).toEqual({ lastDay: '2026-03-10', current: 1, best: 3 });

    await progress.deleteMany({});
    await rebuildTenantBadges(TENANT, { ...app.services, logger: silentLogger });

    expect(await progress.findOne({ _id: `${TENANT}|UBOB` })).toEqual(before);
    expect(await awards().countDocuments({ member: 'UBOB' })).toBe(1);
  });
});

describe('badges with a large catalog', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase('badges_large');
  });
  afterAll(async () => {
    await database.close();
  });

  it('keeps a member with 60 badges within Slack’s limits, with paging', async () => {
    const catalog = toBadgeCatalog(
      Array.from({ length: 60 }, (_, index) => ({
        key: `badge_${index}`,
        name: `Badge number ${index} with a long name`.slice(0, 40),
        description: 'x'.repeat(150),
        category: 'learning',
        measure: { kind: 'activity', activities: ['learning.lecture_completed'] },
        levels: [{ threshold: 1, rarity: 'orange' }],
      })),
    );
    const services = createServices(database, buildConfig(), new ManualClock(NOW), silentLogger, {
      badgeCatalog: catalog,
    });
    await services.scoring.recordActivity(
      buildEvent({
        activity: 'learning.lecture_completed',
        member: { kind: 'user', userId: 'UMAX' },
      }),
    );
    expect(await database.collections.badgeAwards.countDocuments({})).toBe(60);

    const seen = new Set<string>();
    let command = 'badges';
    for (let page = 1; page <= 4; page++) {
      const view = (await services.answerCommand(
        { tenant: TENANT, userId: 'UMAX' },
        command,
      )) as BadgesView;
      const message = presentSlackMessage(view);
      expectWithinSlackLimits(message.blocks as Block[]);
      expectValidAdaptiveCard(presentTeamsMessage(view).card);
      for (const line of view.earned) seen.add(line.key);

      const more = view.actions.find((action) => action.label === 'More badges');
      if (page < 4) command = more!.command;
      else expect(more).toBeUndefined();
    }
    expect(seen.size).toBe(60);
  });
});

function expectWithinSlackLimits(blocks: Block[]) {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
    if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.accessory) expect(block.accessory.text.text.length).toBeLessThanOrEqual(75);
    const ids = (block.elements ?? []).map((element) => element.action_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  }
}
