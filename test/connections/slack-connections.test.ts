import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blocksOf, buttonsOf, readBlocks, type Block } from '../support/slack-blocks.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick, postSlashCommand } from '../support/slack-requests.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';

const PEOPLE = [
  ['U0ADA', 'Ada Lovelace', 'ada@analytical-engines.com'],
  ['U0BOB', 'Bob Babbage', 'bob@analytical-engines.com'],
  ['U0CAT', 'Cat Hopper', 'cat@gmail.com'],
  ['U0DAN', 'Dan Turing', 'dan@gmail.com'],
  ['U0EVE', 'Eve Noether', 'eve@gmail.com'],
  ['U0FAY', 'Fay Curie', 'fay@analytical-engines.com'],
  ['U0GUS', 'Gus Gauss', 'gus@analytical-engines.com'],
  ['U0HAL', 'Hal Hamilton', 'hal@gmail.com'],
  ['U0IVY', 'Ivy Lamarr', 'ivy@gmail.com'],
] as const;

type Answer = { text: string; blocks: Block[]; replace_original?: boolean };

describe('connections in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  let count = 0;

  beforeAll(async () => {
    await slack.start();
    for (const [id, realName, email] of PEOPLE) {
      slack.users.set(id, { id, name: id.toLowerCase(), realName, email });
    }
    app = await startSlackTestApp(slack.apiUrl);
    for (const [id] of PEOPLE) await ask('help', id);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  /** Sends a command, typed in the bot's direct message unless a channel is given. */
  async function ask(text: string, userId: string, channel = 'D0DIRECT'): Promise<Answer> {
    const name = `command-${++count}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
      channelId: channel,
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as Answer;
  }

  async function click(userId: string, actionId: string, value: string): Promise<Answer> {
    const name = `click-${++count}`;
    const ack = await postButtonClick(app.baseUrl, {
      userId,
      actionId,
      value,
      responseUrl: slack.responseUrl(name),
      container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'D0BOT' },
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as Answer;
  }

  /** The direct messages posted to a member, newest last. */
  function messagesTo(userId: string) {
    return slack.callsTo('/api/chat.postMessage').filter((call) => call.body.channel === userId);
  }

  const connectionsOf = (member: string) =>
    app.database.collections.connections.find({ tenant: TENANT, members: member }).toArray();

  it('sends the invitee a card with Accept, Ignore and the inviter’s profile', async () => {
    const answer = await ask('connect <@U0BOB|bob>', 'U0ADA');

    expect(answer.text).toBe('Invitation sent to Bob Babbage.');
    const card = messagesTo('U0BOB').at(-1)!;
    const blocks = blocksOf(card.body);
    expect(readBlocks(blocks)).toContain('*Ada Lovelace* · Analytical Engines invites <@U0BOB>');
    expect(buttonsOf(blocks)).toEqual([
      { actionId: 'invitation_accept', value: 'accept <@U0ADA>', label: 'Accept' },
      { actionId: 'invitation_ignore', value: 'ignore <@U0ADA>', label: 'Ignore' },
      { actionId: 'run_command_0', value: 'profile <@U0ADA>', label: 'Ada Lovelace’s profile' },
    ]);
    expect(messagesTo('U0ADA').at(-1)!.body.text).toBe(
      'You invited Bob Babbage to connect. Waiting for an answer.',
    );
  });

  it('shows each member only their own pending invitations', async () => {
    const bob = readBlocks((await ask('connections', 'U0BOB')).blocks);
    const ada = readBlocks((await ask('connections', 'U0ADA')).blocks);
    const cat = readBlocks((await ask('connections', 'U0CAT')).blocks);

    expect(bob).toContain('*Invitations to you*');
    expect(bob).toContain('Ada Lovelace');
    expect(ada).toContain('*Invitations you sent*\n• Bob Babbage');
    expect(cat).not.toContain('Ada');
    expect(cat).not.toContain('Bob');
  });

  it('refuses a second invitation to the same member and stores one', async () => {
    const answer = await ask('connect <@U0BOB>', 'U0ADA');

    expect(answer.text).toContain('You already invited Bob Babbage');
    const stored = await app.database.collections.invitations
      .find({ tenant: TENANT, inviter: 'U0ADA' })
      .toArray();
    expect(stored).toHaveLength(1);
  });

  it('refuses a click on someone else’s invitation and changes nothing', async () => {
    const answer = await click('U0CAT', 'invitation_accept', 'accept <@U0ADA>');

    expect(answer.text).toBe(
      'There is no invitation to you from that member. Nothing was changed.',
    );
    expect(answer.replace_original).toBe(false);
    expect(await connectionsOf('U0ADA')).toHaveLength(0);
    expect(await app.database.collections.invitationDecisions.countDocuments({})).toBe(0);
  });

  it('refuses a button whose value is not an answer to an invitation', async () => {
    const answer = await click('U0BOB', 'invitation_accept', 'connect <@U0CAT>');

    expect(answer.text).toBe('That button sent nothing I understand, so nothing was changed.');
    expect(await app.database.collections.invitations.countDocuments({ invitee: 'U0CAT' })).toBe(0);
  });

  it('connects both ways once when Accept is clicked 20 times at once', async () => {
    const updatesBefore = slack.callsTo('/api/chat.update').length;

    const answers = await Promise.all(
      Array.from({ length: 20 }, () => click('U0BOB', 'invitation_accept', 'accept <@U0ADA>')),
    );

    for (const answer of answers) {
      expect(answer.replace_original).toBe(true);
      expect(answer.text).toBe('You and *Ada Lovelace* · Analytical Engines are now connected.');
    }
    expect(await connectionsOf('U0ADA')).toHaveLength(1);
    expect(await connectionsOf('U0BOB')).toHaveLength(1);
    const updates = slack.callsTo('/api/chat.update').slice(updatesBefore);
    expect(updates.map((call) => [call.body.channel, call.body.text]).sort()).toEqual([
      ['D0ADA', 'Bob Babbage accepted: you are now connected.'],
      ['D0BOB', 'You and *Ada Lovelace* · Analytical Engines are now connected.'],
    ]);
  });

  it('counts the connection in both profile headers', async () => {
    for (const member of ['U0ADA', 'U0BOB']) {
      const answer = await ask('profile', member);
      expect(readBlocks(answer.blocks)).toContain('*Connections*\n1');
    }
  });

  it('refuses to invite someone already connected, or oneself', async () => {
    expect((await ask('connect <@U0ADA>', 'U0BOB')).text).toBe(
      'You and Ada Lovelace are already connected.',
    );
    expect((await ask('connect <@U0ADA>', 'U0ADA')).text).toBe('You cannot connect with yourself.');
    expect(await connectionsOf('U0ADA')).toHaveLength(1);
  });

  it('connects once when two members invite each other at the same moment', async () => {
    const [cat, dan] = await Promise.all([
      ask('connect <@U0DAN>', 'U0CAT'),
      ask('connect <@U0CAT>', 'U0DAN'),
    ]);

    expect([cat.text, dan.text].join('\n')).toMatch(/now connected/);
    expect(await connectionsOf('U0CAT')).toHaveLength(1);
    expect(await connectionsOf('U0DAN')).toHaveLength(1);
    const listed = readBlocks((await ask('connections', 'U0CAT')).blocks);
    expect(listed).toContain('*Connections (1)*\n• Dan Turing');
    expect(listed).not.toContain('*Invitations');
  });

  it('hides an ignored invitation from the invitee and never tells the inviter', async () => {
    await ask('connect <@U0CAT>', 'U0EVE');
    const updatesBefore = slack.callsTo('/api/chat.update').length;

    const answer = await click('U0CAT', 'invitation_ignore', 'ignore <@U0EVE>');

    expect(answer.text).toBe('You ignored the invitation from *Eve Noether*. They are not told.');
    expect(slack.callsTo('/api/chat.update')).toHaveLength(updatesBefore);
    expect(readBlocks((await ask('connections', 'U0CAT')).blocks)).not.toContain('Eve');
    expect(readBlocks((await ask('connections', 'U0EVE')).blocks)).toContain(
      '*Invitations you sent*\n• Cat Hopper',
    );
    expect(await connectionsOf('U0EVE')).toHaveLength(0);
  });

  it('answers a mention of a member without a profile, and bad arguments, clearly', async () => {
    expect((await ask('connect <@U0NOBODY>', 'U0ADA')).text).toBe(
      '<@U0NOBODY> has no profile yet.',
    );
    expect((await ask('connect bob', 'U0ADA')).text).toBe(
      '“connect” takes one @mention of a member.',
    );
    expect(await app.database.collections.invitations.countDocuments({ invitee: 'U0NOBODY' })).toBe(
      0,
    );
  });

  it('suggests people by mutual connections, company and channels, with one reason each', async () => {
    // Hal shares a channel with Ada; Gus is private; Fay and Gus work with Ada; Dan knows Bob.
    await ask('help', 'U0HAL', 'C0PROJECT');
    await ask('help', 'U0ADA', 'C0PROJECT');
    await app.database.collections.members.updateOne(
      { _id: `${TENANT}|U0GUS` },
      { $set: { private: true } as never },
    );
    await ask('connect <@U0BOB>', 'U0DAN');
    await click('U0BOB', 'invitation_accept', 'accept <@U0DAN>');

    const answer = await ask('connections', 'U0ADA');
    const suggestions = answer.blocks
      .filter((block) => block.accessory)
      .map((block) => ({ text: block.text!.text, button: block.accessory!.value }));

    expect(suggestions).toEqual([
      { text: '*Dan Turing*\n1 mutual connection', button: 'connect <@U0DAN>' },
      { text: '*Fay Curie*\nalso at Analytical Engines', button: 'connect <@U0FAY>' },
      { text: '*Hal Hamilton*\n1 shared channel', button: 'connect <@U0HAL>' },
    ]);
  });

  it('sends an invitation from the plus button of a suggestion', async () => {
    const answer = await click('U0ADA', 'run_command_101', 'connect <@U0FAY>');

    expect(answer.text).toBe('Invitation sent to Fay Curie.');
    expect(buttonsOf(blocksOf(messagesTo('U0FAY').at(-1)!.body))[0]).toMatchObject({
      value: 'accept <@U0ADA>',
    });
  });
});
