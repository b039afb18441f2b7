import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityEvent } from '../../src/core/scoring/activity-event.js';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { ManualClock } from '../support/clock.js';
import { buildEvent } from '../support/events.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { buildActivity, postActivity, TEAMS_TENANT_ID } from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';
/** 11:00 in Amsterdam on 3 December: the window runs from 4 November to 3 December. */
const NOW = '2026-12-03T10:00:00Z';

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text: string }[];
}

function readBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [
      block.text?.text,
      ...(block.fields ?? []).map((field) => field.text),
      ...(block.elements ?? []).map((element) => element.text),
    ])
    .filter(Boolean)
    .join('\n');
}

/** The "rank. name · points" lines of a leaderboard message. */
function readRows(blocks: Block[]): string[] {
  return readBlocks(blocks)
    .split('\n')
    .filter((line) => /^\*\d+\.\*/.test(line));
}

describe('/mendix leaderboard', () => {
  const slack = new SlackRecorder();
  const connector = new BotFrameworkRecorder();
  const clock = new ManualClock(NOW);
  let app: TestApp;
  let commandCount = 0;
  let eventCount = 0;

  /** Members U01..U12, Ada at Acme and the rest at Initech or without a company. */
  const people = Array.from({ length: 12 }, (_, index) => {
    const id = `U${String(index + 1).padStart(2, '0')}`;
    const domain = index === 0 ? 'acme.com' : index < 6 ? 'initech.com' : 'gmail.com';
    return { id, name: `Member ${id}`, email: `${id.toLowerCase()}@${domain}` };
  });

  beforeAll(async () => {
    await Promise.all([slack.start(), connector.start()]);
    for (const person of people) {
      slack.users.set(person.id, { ...person, realName: person.name, name: person.id });
    }
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        DEFAULT_TIMEZONE: 'Europe/Amsterdam',
      },
      clock,
    );
    for (const person of people) await ask('help', person.id);
  });
  afterAll(async () => {
    await app.stop();
    await Promise.all([slack.stop(), connector.stop()]);
  });

  async function ask(text: string, userId = 'U12') {
    const name = `command-${++commandCount}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    const answer = await slack.waitFor(`/respond/${name}`);
    return answer.body as { text: string; blocks: Block[] };
  }

  async function award(userId: string, activity: string, occurredAt = NOW) {
    const event: ActivityEvent = buildEvent({
      eventId: `leaderboard-${++eventCount}`,
      activity,
      member: { kind: 'user', userId },
      occurredAt: new Date(occurredAt),
    });
    await app.services.scoring.recordActivity(event);
  }

  it('ranks the last 30 days with shared ranks and shows the caller outside the top', async () => {
    // U01..U11 get 11, 10, ... 1 learning courses of 10 points; U05 and U06 tie at 70.
    for (let index = 0; index < 11; index++) {
      const courses = index === 5 ? 7 : 11 - index;
      for (let course = 0; course < courses; course++) {
        await award(people[index]!.id, 'learning.rapid_course_attended');
      }
    }
    // A hackathon on 1 November is outside the window.
    await award('U12', 'impact.hackathon_won', '2026-11-01T10:00:00Z');
    // The scheduled refresh runs on real time and may have stored a board halfway through the
    // awards on a busy machine; this one is the board these awards give.
    await app.services.leaderboards.refresh(TENANT);

    const answer = await ask('leaderboard', 'U11');
    const rows = readRows(answer.blocks);

    expect(answer.blocks[0]).toMatchObject({ text: { text: 'Leaderboard: Everyone' } });
    expect(readBlocks(answer.blocks)).toContain('Points earned 4 Nov – 3 Dec');
    expect(rows).toEqual([
      '*1.* Member U01 · 135',
      '*2.* Member U02 · 125',
      '*3.* Member U03 · 90',
      '*4.* Member U04 · 80',
      '*5.* Member U05 · 70',
      '*5.* Member U06 · 70',
      '*7.* Member U07 · 50',
      '*8.* Member U08 · 40',
      '*9.* Member U09 · 30',
      '*10.* Member U10 · 20',
    ]);
    expect(readBlocks(answer.blocks)).toContain('*You:* #11 with 10 points');
    expect(answer.text).toBe('Leaderboard, Everyone: 1. Member U01, 2. Member U02, 3. Member U03');
  });

  it('marks the caller in the top and tells a member without points in the window', async () => {
    const leader = await ask('leaderboard', 'U01');
    const outside = await ask('leaderboard', 'U12');

    expect(readRows(leader.blocks)[0]).toBe('*1.* Member U01 · 135  ← you');
    expect(readBlocks(leader.blocks)).not.toContain('*You:*');
    expect(readBlocks(outside.blocks)).toContain('You have no points in the last 30 days yet.');
  });

  it('counts days by the tenant’s time zone at both ends of the window', async () => {
    // 00:30 on 4 November in Amsterdam is inside; 23:30 on 3 November is not.
    await award('U12', 'learning.presentation_given', '2026-11-03T23:30:00Z');
    await award('U12', 'learning.blog_post_featured', '2026-11-03T22:30:00Z');

    const answer = await ask('leaderboard', 'U12');

    expect(readRows(answer.blocks)).toContain('*10.* Member U12 · 25  ← you');
  });

  it('shows current points of the leaders and the caller between refreshes', async () => {
    await app.services.leaderboards.refresh(TENANT);
    await award('U10', 'impact.hackathon_won');

    const answer = await ask('leaderboard', 'U11');
    const rows = readRows(answer.blocks);

    expect(rows[0]).toBe('*1.* Member U10 · 320');
    expect(rows[1]).toBe('*2.* Member U01 · 135');
    expect(readBlocks(answer.blocks)).toContain('*You:* #12 with 10 points');
  });

  it('ranks one category, a company by name and the caller’s own company', async () => {
    const learning = await ask('leaderboard learning', 'U11');
    const initech = await ask('leaderboard company initech', 'U11');
    const own = await ask('leaderboard company', 'U01');

    expect(learning.blocks[0]).toMatchObject({ text: { text: 'Leaderboard: Learning' } });
    expect(readRows(learning.blocks)[0]).toBe('*1.* Member U01 · 110');
    expect(initech.blocks[0]).toMatchObject({ text: { text: 'Leaderboard: Initech' } });
    expect(readRows(initech.blocks).map((row) => row.split(' ')[2])).toEqual([
      'U02',
      'U03',
      'U04',
      'U05',
      'U06',
    ]);
    expect(readRows(own.blocks)).toEqual(['*1.* Member U01 · 135  ← you']);
  });

  it('answers a company without points, a member without a company and a bad scope clearly', async () => {
    const unknown = await ask('leaderboard company Umbrella', 'U11');
    const noCompany = await ask('leaderboard company', 'U11');
    const bad = await ask('leaderboard gardening', 'U11');

    expect(unknown.text).toBe('No one at “Umbrella” has points in the last 30 days.');
    expect(noCompany.text).toContain('Your profile has no company');
    expect(bad.text).toContain('“leaderboard” takes a category');
  });

  it('shows the member’s place in the profile', async () => {
    const answer = await ask('profile', 'U02');

    expect(readBlocks(answer.blocks)).toContain('*Leaderboard, 30 days*\n#3 with 125 points');
  });

  it('answers the same leaderboard in Teams as a valid Adaptive Card', async () => {
    connector.members.set('29:ada', { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada' });
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl },
      { text: 'leaderboard' },
    );

    const response = await postActivity(app.baseUrl, activity);
    await connector.waitForSent(1);

    expect(response.status).toBe(200);
    const reply = connector.sent.at(-1)!.body as {
      attachments: { content: { body: Record<string, unknown>[] } }[];
    };
    const card = reply.attachments[0]!.content;
    expectValidAdaptiveCard(card);
    expect(card.body[0]).toMatchObject({ text: 'Leaderboard: Everyone' });
    expect(JSON.stringify(card)).toContain('No one has points in the last 30 days yet.');
    expect(TEAMS_TENANT_ID).not.toBe(TENANT);
  });
});
