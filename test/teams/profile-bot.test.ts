import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { postEvents } from '../support/intake-requests.js';
import {
  BOT_ID,
  buildActivity,
  postActivity,
  TEAMS_TENANT_ID,
} from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;
const TEAMS_SOURCE = { name: 'academy', tenant: TENANT, secret: 'academy-secret-0123456789' };

interface Card {
  version: string;
  body: Record<string, unknown>[];
  actions?: { type: string; title: string; data: Record<string, unknown> }[];
}

/** All text of a card, to assert on what a member reads. */
function readCard(card: Card): string {
  return JSON.stringify(card.body)
    .match(/"(?:text|title|value)":"[^"]*"/g)!
    .map((pair) => pair.replace(/^"\w+":"|"$/g, ''))
    .join('\n');
}

describe('the Teams bot', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await connector.start();
    connector.members.set('29:ada', {
      id: '29:ada',
      aadObjectId: 'aad-ada',
      name: 'Ada Lovelace',
      email: 'ada@contoso.com',
    });
    connector.members.set('29:bob', {
      id: '29:bob',
      aadObjectId: 'aad-bob',
      name: 'Bob Smith',
      userPrincipalName: 'bob@fabrikam.com',
    });
    app = await startTestApp({ INTAKE_SOURCES: JSON.stringify([TEAMS_SOURCE]) });
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });
  beforeEach(() => {
    connector.sent.length = 0;
  });

  const activity = (type: string, fields: Record<string, unknown> = {}, options = {}) =>
    buildActivity(type, { serviceUrl: connector.serviceUrl, ...options }, fields);

  /** Sends a message to the bot and returns the card of its reply. */
  async function say(text: string, options = {}, fields: Record<string, unknown> = {}) {
    const response = await postActivity(
      app.baseUrl,
      activity('message', { text, ...fields }, options),
    );
    expect(response.status).toBe(200);
    await connector.waitForSent(1);
    const reply = connector.sent.at(-1)!.body as {
      text: string;
      attachments: { contentType: string; content: Card }[];
    };
    expect(reply.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const card = reply.attachments[0]!.content;
    expectValidAdaptiveCard(card);
    return { text: reply.text, card };
  }

  it('answers profile with an Adaptive Card and creates the member from the Teams roster', async () => {
    const reply = await say('profile');

    expect(reply.text).toBe('Ada Lovelace: level 0, 25 points');
    expect(reply.card.body[0]).toMatchObject({ type: 'TextBlock', text: 'Ada Lovelace' });
    expect(reply.card.body[2]).toMatchObject({
      type: 'FactSet',
      facts: [
        { title: 'Points', value: '25' },
        { title: 'Level', value: '0' },
        { title: 'Credits', value: '0' },
        { title: 'Connections', value: '0' },
        { title: 'Leaderboard, 30 days', value: '#1 with 25 points' },
      ],
    });
    const member = await app.services.members.findByUserId(TENANT, 'aad-ada');
    expect(member).toMatchObject({
      displayName: 'Ada Lovelace',
      email: 'ada@contoso.com',
      company: { key: 'contoso.com', name: 'Contoso' },
    });
  });

  it('counts points sent by e-mail for a Teams member', async () => {
    await postEvents(
      app.baseUrl,
      {
        id: 'course-1',
        activity: 'learning.advanced_course_attended',
        member: 'ada@contoso.com',
        occurredAt: new Date().toISOString(),
      },
      { source: TEAMS_SOURCE.name, secret: TEAMS_SOURCE.secret },
    );

    const reply = await say('stats');

    expect(reply.text).toContain('Learning 10');
    expect(readCard(reply.card)).toContain('Points by category: Ada Lovelace');
  });

  it('answers help with every command and buttons for the member’s own views', async () => {
    const reply = await say('help');

    expect(readCard(reply.card)).toContain('profile [@member]');
    expect(reply.card.actions).toEqual([
      { type: 'Action.Submit', title: 'My profile', data: { command: 'profile' } },
      { type: 'Action.Submit', title: 'My points by category', data: { command: 'stats' } },
      { type: 'Action.Submit', title: 'Leaderboard', data: { command: 'leaderboard' } },
    ]);
  });

  it('answers a button pressed on a card, sent back as the message value', async () => {
    const reply = await say('', {}, { text: undefined, value: { command: 'stats' } });

    expect(reply.text).toMatch(/^Points by category: /);
  });

  it('answers an Action.Execute invoke with the card in the HTTP response', async () => {
    const invoke = activity('invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'show', data: { command: 'profile' } } },
    });

    const response = await postActivity(app.baseUrl, invoke);

    expect(response.status).toBe(200);
    const card = (response.body as { value: Card }).value;
    expectValidAdaptiveCard(card);
    expect(card.body[0]).toMatchObject({ text: 'Ada Lovelace' });
    expect(connector.sent).toHaveLength(0);
  });

  it('shows a mentioned member’s profile, removing the mention of the bot itself', async () => {
    await say('help', { from: { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob Smith' } });
    connector.sent.length = 0;
    const text = '<at>Community Profile</at> profile <at>Bob Smith</at>';
    const entities = [
      { type: 'mention', text: '<at>Community Profile</at>', mentioned: { id: BOT_ID, name: 'x' } },
      {
        type: 'mention',
        text: '<at>Bob Smith</at>',
        mentioned: { id: '29:bob', name: 'Bob Smith' },
      },
    ];

    const reply = await say(text, {}, { entities });

    expect(reply.card.body[0]).toMatchObject({ text: 'Bob Smith' });
    const bob = await app.services.members.findByUserId(TENANT, 'aad-bob');
    expect(bob?.email).toBe('bob@fabrikam.com');
  });

  it('answers an unknown command with the usage card', async () => {
    const reply = await say('teleport');

    expect(readCard(reply.card)).toContain('I don’t know the command “teleport”.');
    expect(readCard(reply.card)).toContain('stats [@member]');
  });

  it('answers a button whose data is not a command, changing nothing', async () => {
    const membersBefore = await app.database.collections.members.countDocuments({});

    const reply = await say('', {}, { text: undefined, value: { nonsense: true } });

    expect(reply.text).toContain('That button sent nothing I understand');
    expect(await app.database.collections.members.countDocuments({})).toBe(membersBefore);
  });

  it('answers a button for a member who does not exist with that member having no profile', async () => {
    const reply = await say(
      '',
      {},
      { text: undefined, value: { command: 'profile', subject: 'aad-nobody' } },
    );

    expect(reply.text).toBe('This member has no profile yet.');
  });

  it('refuses an activity without a user with 400 and stores nothing', async () => {
    const membersBefore = await app.database.collections.members.countDocuments({});
    const anonymous = activity('message', { text: 'profile' });
    delete anonymous.from;

    const response = await postActivity(app.baseUrl, anonymous);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'invalid_activity',
      issues: [{ path: 'from', message: 'the activity names no user' }],
    });
    expect(await app.database.collections.members.countDocuments({})).toBe(membersBefore);
    expect(connector.sent).toHaveLength(0);
  });

  it('refuses in local mode an activity whose answers would go to another machine', async () => {
    const membersBefore = await app.database.collections.members.countDocuments({});
    const elsewhere = activity('message', { text: 'profile' });
    elsewhere.serviceUrl = 'http://203.0.113.7/teams/';

    const response = await postActivity(app.baseUrl, elsewhere);

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: 'forbidden' });
    expect(await app.database.collections.members.countDocuments({})).toBe(membersBefore);
    expect(connector.sent).toHaveLength(0);
  });

  it('refuses an activity whose ids are not Teams ids with 400', async () => {
    const forged = activity(
      'message',
      { text: 'profile' },
      {
        from: { id: '29:ada|other', aadObjectId: 'aad-ada' },
      },
    );

    const response = await postActivity(app.baseUrl, forged);

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      issues: [{ path: 'from.id', message: 'is not a Teams id' }],
    });
    expect(connector.sent).toHaveLength(0);
  });

  it('answers an Action.Execute invoke without action data with an invoke error, posting nothing', async () => {
    const response = await postActivity(
      app.baseUrl,
      activity('invoke', { name: 'adaptiveCard/action', value: { action: null } }),
    );

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ type: 'application/vnd.microsoft.error' });
    expect(connector.sent).toHaveLength(0);
  });

  it.each([
    ['a mention without the member', { entities: [{ type: 'mention', text: '<at>x</at>' }] }],
    ['entities that are not a list', { entities: 'abc' }],
    ['members added that are not accounts', { membersAdded: [null] }],
    ['two different tenants', { channelData: { tenant: { id: 'another-tenant' } } }],
    ['a channel this bot does not serve', { channelId: 'slack' }],
    [
      'a team id that is a query',
      { channelData: { tenant: { id: TEAMS_TENANT_ID }, team: { id: { $ne: 'x' } } } },
    ],
  ])('refuses an activity with %s with 400, changing nothing', async (_case, fields) => {
    const conversationsBefore = await app.services.conversations.list(TENANT);

    const response = await postActivity(app.baseUrl, activity('conversationUpdate', fields));

    expect(response.status).toBe(400);
    expect(await app.services.conversations.list(TENANT)).toEqual(conversationsBefore);
    expect(connector.sent).toHaveLength(0);
  });

  it('shows a name with a link in it as text, not as a link', async () => {
    connector.members.set('29:mallory', {
      id: '29:mallory',
      aadObjectId: 'aad-mallory',
      name: 'Mallory [Verify](https://evil.example)',
    });

    const reply = await say('profile', { from: { id: '29:mallory', aadObjectId: 'aad-mallory' } });

    expect(JSON.stringify(reply.card)).not.toContain('](https://evil.example)');
  });

  describe('where the bot is installed', () => {
    const team = { id: '19:team-general@thread.tacv2', name: 'Makers' };
    const channelConversation = {
      id: '19:team-general@thread.tacv2',
      conversationType: 'channel',
      tenantId: TEAMS_TENANT_ID,
    };
    const teamChannelData = { tenant: { id: TEAMS_TENANT_ID }, team };
    const inTeam = { conversation: channelConversation, channelData: teamChannelData };

    it('stores the conversation reference when installed, and forgets it when removed', async () => {
      await postActivity(app.baseUrl, activity('installationUpdate', { action: 'add' }));

      const stored = await app.services.conversations.list(TENANT);
      expect(stored).toEqual([
        expect.objectContaining({
          conversationId: 'a:personal-ada',
          kind: 'personal',
          reference: expect.objectContaining({ serviceUrl: connector.serviceUrl }),
        }),
      ]);

      await postActivity(app.baseUrl, activity('installationUpdate', { action: 'remove' }));
      expect(await app.services.conversations.list(TENANT)).toEqual([]);
    });

    it('stores a team and its new channels, and forgets them all when the bot leaves', async () => {
      const botAdded = activity('conversationUpdate', { membersAdded: [{ id: BOT_ID }] }, inTeam);
      const channelCreated = activity(
        'conversationUpdate',
        {
          channelData: {
            ...teamChannelData,
            eventType: 'channelCreated',
            channel: { id: '19:release-notes@thread.tacv2', name: 'Release notes' },
          },
        },
        inTeam,
      );

      await postActivity(app.baseUrl, botAdded);
      await postActivity(app.baseUrl, channelCreated);

      const stored = await app.services.conversations.list(TENANT);
      expect(
        stored.map((conversation) => [conversation.conversationId, conversation.kind]),
      ).toEqual([
        ['19:release-notes@thread.tacv2', 'channel'],
        ['19:team-general@thread.tacv2', 'channel'],
      ]);
      expect(stored.every((conversation) => conversation.teamId === team.id)).toBe(true);

      const botRemoved = activity(
        'conversationUpdate',
        { membersRemoved: [{ id: BOT_ID }] },
        inTeam,
      );
      await postActivity(app.baseUrl, botRemoved);
      expect(await app.services.conversations.list(TENANT)).toEqual([]);
    });

    it('remembers a chat from a message, keeping only what posting there needs', async () => {
      const conversation = {
        id: 'a:chat-remembered',
        conversationType: 'personal',
        tenantId: TEAMS_TENANT_ID,
        junk: 'x'.repeat(1000),
      };

      await say('help', { conversation });

      const stored = (await app.services.conversations.list(TENANT)).find(
        (entry) => entry.conversationId === 'a:chat-remembered',
      );
      expect(stored?.reference).toEqual({
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        bot: { id: BOT_ID, name: 'Community Profile' },
        conversation: {
          id: 'a:chat-remembered',
          conversationType: 'personal',
          tenantId: TEAMS_TENANT_ID,
        },
      });
      await postActivity(
        app.baseUrl,
        activity('installationUpdate', { action: 'remove' }, { conversation }),
      );
    });

    it('ignores members other than the bot joining a team', async () => {
      const memberAdded = activity(
        'conversationUpdate',
        { membersAdded: [{ id: '29:carol' }] },
        inTeam,
      );

      await postActivity(app.baseUrl, memberAdded);

      expect(await app.services.conversations.list(TENANT)).toEqual([]);
    });
  });
});
