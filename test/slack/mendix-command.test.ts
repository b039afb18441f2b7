import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '../support/intake-requests.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import {
  postButtonClick,
  postSlashCommand,
  signSlackBody,
  SIGNING_SECRET,
} from '../support/slack-requests.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text: string }[];
}

/** All text of a message's blocks, to assert on what a member reads. */
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

describe('/mendix in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  let commandCount = 0;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0ADA', {
      id: 'U0ADA',
      name: 'ada',
      realName: 'Ada Lovelace',
      email: 'ada@analytical-engines.com',
    });
    app = await startSlackTestApp(slack.apiUrl);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  /** Sends a command and returns the message the app answers with through response_url. */
  async function ask(text: string, userId = 'U0ADA') {
    const name = `command-${++commandCount}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    const answer = await slack.waitFor(`/respond/${name}`);
    return answer.body as { response_type: string; text: string; blocks: Block[] };
  }

  it('creates the member on first contact with the company from the Slack e-mail', async () => {
    const answer = await ask('profile');

    const member = await app.services.members.findByUserId(TENANT, 'U0ADA');
    expect(member).toMatchObject({
      displayName: 'Ada Lovelace',
      email: 'ada@analytical-engines.com',
      company: { key: 'analytical-engines.com', name: 'Analytical Engines' },
    });
    expect(answer.response_type).toBe('ephemeral');
    expect(readBlocks(answer.blocks)).toContain('*Points*\n25');
  });

  it('shows level, points to the next level, credits, connections and the split', async () => {
    const events = [
      { activity: 'impact.hackathon_won', id: 'p1' },
      { activity: 'learning.advanced_certification', id: 'p2' },
      { activity: 'community.answer_accepted', id: 'p3' },
    ].map((event) => ({ ...event, member: 'U0ADA', occurredAt: new Date().toISOString() }));
    await postEvents(app.baseUrl, { events });

    const answer = await ask('profile');
    const text = readBlocks(answer.blocks);

    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Ada Lovelace' } });
    expect(text).toContain('*Points*\n390');
    expect(text).toContain('*Level*\n1');
    expect(text).toContain('110 points to level 2');
    expect(text).toContain('*Credits*\n0');
    expect(text).toContain('*Connections*\n0');
    expect(text).toMatch(/Impact\s+▰{10}\s+300/);
    expect(text).toMatch(/Learning\s+▰{2}▱{8}\s+50/);
    expect(text).toMatch(/Platform\s+▰▱{9}\s+25/);
    expect(answer.text).toBe('Ada Lovelace: level 1, 390 points');
  });

  it('answers stats with points by category', async () => {
    const answer = await ask('stats');

    expect(answer.blocks[0]).toMatchObject({ text: { text: 'Points by category: Ada Lovelace' } });
    // The chart image carries the text bars as its alt text.
    const image = answer.blocks.find((block) => block.type === 'image') as unknown as {
      alt_text: string;
    };
    expect(image.alt_text).toMatch(/Community ▰▱{9} 15/);
  });

  it('shows another member’s profile when mentioned', async () => {
    slack.users.set('U0BOB', { id: 'U0BOB', name: 'bob', realName: 'Bob', email: 'bob@gmail.com' });
    await ask('help', 'U0BOB');

    const answer = await ask('profile <@U0BOB|bob>');

    expect(answer.blocks[0]).toMatchObject({ text: { text: 'Bob' } });
    expect(readBlocks(answer.blocks)).toContain('*Points*\n0');
  });

  it('says that a mentioned member without a profile has none', async () => {
    const answer = await ask('profile <@U0NOBODY>');

    expect(answer.text).toBe('<@U0NOBODY> has no profile yet.');
  });

  it('answers an unknown command with the usage text', async () => {
    const answer = await ask('teleport now');
    const text = readBlocks(answer.blocks);

    expect(text).toContain('I don’t know the command “teleport”.');
    expect(text).toContain('`/mendix profile [@member]`');
  });

  it('answers bad arguments with what the command takes', async () => {
    const answer = await ask('profile someone else');

    expect(readBlocks(answer.blocks)).toContain('“profile” takes one @mention of a member');
  });

  it('acknowledges before doing any work, so that a slow answer never misses the deadline', async () => {
    const release = slack.hold('/api/users.info');
    const name = `command-${++commandCount}`;

    const ack = await postSlashCommand(app.baseUrl, {
      text: 'profile',
      userId: 'U0SLOW',
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    expect(slack.callsTo(`/respond/${name}`)).toHaveLength(0);

    release();
    const answer = await slack.waitFor(`/respond/${name}`);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
  });

  it('offers buttons for the member’s own views, and a click answers like the typed command', async () => {
    const help = await ask('help');
    const actions = help.blocks.find((block) => block.type === 'actions') as unknown as {
      elements: { action_id: string; value: string; text: { text: string } }[];
    };
    expect(actions.elements.map((button) => [button.text.text, button.value])).toEqual([
      ['My profile', 'profile'],
      ['My points by category', 'stats'],
      ['Leaderboard', 'leaderboard'],
    ]);

    const click = await postButtonClick(app.baseUrl, {
      userId: 'U0ADA',
      actionId: actions.elements[1]!.action_id,
      value: actions.elements[1]!.value,
      responseUrl: slack.responseUrl('button-stats'),
    });

    expect(click.status).toBe(200);
    const answer = (await slack.waitFor('/respond/button-stats')).body as { text: string };
    expect(answer.text).toMatch(/^Points by category: Community/);
  });

  it('answers a click whose value is not a command with the usage text', async () => {
    await postButtonClick(app.baseUrl, {
      userId: 'U0ADA',
      actionId: 'run_command_0',
      value: 'delete everything',
      responseUrl: slack.responseUrl('button-forged'),
    });

    const answer = (await slack.waitFor('/respond/button-forged')).body as { text: string };
    expect(answer.text).toBe('I don’t know the command “delete”.');
  });

  it('shows the unknown word as text, never as a link or mention', async () => {
    const answer = await ask('<https://evil.example|click>');

    expect(readBlocks(answer.blocks)).toContain('&lt;https://evil.example|click&gt;');
  });

  it.each([
    ['no user', ''],
    ['a user id that is not Slack’s', 'U0ADA|EVIL'],
  ])('runs nothing for a command with %s, and says so', async (_case, userId) => {
    const membersBefore = await app.database.collections.members.countDocuments({});

    const answer = await ask('profile', userId);

    expect(answer.text).toBe('Slack did not say who sent this command, so it was not run.');
    expect(await app.database.collections.members.countDocuments({})).toBe(membersBefore);
  });

  it('refuses a request with a forged signature and changes nothing', async () => {
    const membersBefore = await app.database.collections.members.countDocuments({});

    const response = await postSlashCommand(
      app.baseUrl,
      { text: 'profile', userId: 'U0MALLORY', responseUrl: slack.responseUrl('forged') },
      { secret: 'not-the-signing-secret' },
    );

    expect(response.status).toBe(401);
    expect(await app.database.collections.members.countDocuments({})).toBe(membersBefore);
    expect(slack.callsTo('/respond/forged')).toHaveLength(0);
  });

  it('refuses a correctly signed request dated more than five minutes ahead', async () => {
    const response = await postSlashCommand(
      app.baseUrl,
      { text: 'profile', userId: 'U0FUTURE', responseUrl: slack.responseUrl('future') },
      { timestamp: Math.floor(Date.now() / 1000) + 400 },
    );

    expect(response.status).toBe(401);
    expect(await response.text()).toBe('The request timestamp is in the future.');
    expect(await app.services.members.findByUserId(TENANT, 'U0FUTURE')).toBeNull();
    expect(slack.callsTo('/respond/future')).toHaveLength(0);
  });

  it('refuses a correctly signed request whose timestamp is no number of seconds', async () => {
    const body = 'command=%2Fmendix&text=profile&user_id=U0INFINITE&team_id=T0TEST';
    const response = await fetch(`${app.baseUrl}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': 'Infinity',
        'x-slack-signature': signSlackBody(body, 'Infinity' as unknown as number),
      },
      body,
    });

    expect(response.status).toBe(401);
    expect(await app.services.members.findByUserId(TENANT, 'U0INFINITE')).toBeNull();
  });

  it('refuses a correctly signed request that is too old to be fresh', async () => {
    const response = await postSlashCommand(
      app.baseUrl,
      { text: 'profile', userId: 'U0REPLAY', responseUrl: slack.responseUrl('replay') },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );

    expect(response.status).toBe(401);
    expect(await app.services.members.findByUserId(TENANT, 'U0REPLAY')).toBeNull();
  });
});
