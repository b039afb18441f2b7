import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { buildActivity, postActivity, TEAMS_TENANT_ID } from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;

interface Card {
  body: Record<string, unknown>[];
  actions?: { type: string; title: string; data: Record<string, unknown> }[];
}

const PEOPLE = {
  ada: { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Lovelace', email: 'ada@contoso.com' },
  bob: { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob Smith', email: 'bob@contoso.com' },
  cat: { id: '29:cat', aadObjectId: 'aad-cat', name: 'Cat Jones', email: 'cat@fabrikam.com' },
  dee: { id: '29:dee', aadObjectId: 'aad-dee', name: 'Dee Brown', email: 'dee@contoso.com' },
};
type Person = keyof typeof PEOPLE;

/** Each member's personal chat with the bot. */
const personal = (person: Person) => ({
  id: `a:personal-${person}`,
  conversationType: 'personal',
  tenantId: TEAMS_TENANT_ID,
});

const GROUP_CHAT = {
  id: '19:group@thread.v2',
  conversationType: 'groupChat',
  tenantId: TEAMS_TENANT_ID,
};

function readCard(card: Card): string {
  return JSON.stringify(card.body)
    .match(/"text":"[^"]*"/g)!
    .map((pair) => pair.replace(/^"text":"|"$/g, ''))
    .join('\n');
}

describe('connections in Teams', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await connector.start();
    for (const person of Object.values(PEOPLE)) connector.members.set(person.id, person);
    app = await startTestApp();
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });
  beforeEach(() => {
    connector.sent.length = 0;
  });

  /** A message from the member, in their personal chat unless another conversation is given. */
  async function say(
    person: Person,
    text: string,
    conversation: Record<string, unknown> = personal(person),
    fields: Record<string, unknown> = {},
  ) {
    const mentions = [...text.matchAll(/<at>(\w+)<\/at>/g)].map(([mention, name]) => ({
      type: 'mention',
      text: mention,
      mentioned: { id: PEOPLE[name as Person].id, name },
    }));
    const message = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl, from: PEOPLE[person], conversation },
      { text, entities: mentions, ...fields },
    );
    const before = connector.sent.length;
    const response = await postActivity(app.baseUrl, message);
    expect(response.status).toBe(200);
    await connector.waitForSent(before + 1);
  }

  /** An Action.Execute click, answered with a card in the HTTP response. */
  async function execute(person: Person, data: Record<string, unknown>) {
    const invoke = buildActivity(
      'invoke',
      { serviceUrl: connector.serviceUrl, from: PEOPLE[person], conversation: personal(person) },
      { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', data } } },
    );
    const response = await postActivity(app.baseUrl, invoke);
    expect(response.status).toBe(200);
    const card = (response.body as { value: Card }).value;
    expectValidAdaptiveCard(card);
    return card;
  }

  const cardsIn = (conversationId: string, method = 'POST') =>
    connector.sent
      .filter((sent) => sent.conversationId === conversationId && sent.method === method)
      .map((sent) => {
        const attachments = sent.body.attachments as { content: Card }[];
        return { card: attachments[0]!.content, activityId: sent.activityId };
      });

  const connectionsOf = (member: string) =>
    app.database.collections.connections.find({ tenant: TENANT, members: member }).toArray();

  it('posts the invitation card in the invitee’s personal chat with the bot', async () => {
    await say('bob', 'help');
    await say('ada', 'help');
    connector.sent.length = 0;

    await say('ada', 'connect <at>bob</at>');

    const [invitation] = cardsIn('a:personal-bob');
    expectValidAdaptiveCard(invitation!.card);
    expect(readCard(invitation!.card)).toContain('**Ada Lovelace** · Contoso invites Bob Smith');
    expect(invitation!.card.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Accept',
        verb: 'accept',
        style: 'positive',
        data: { command: 'accept', subject: 'aad-ada' },
      },
      {
        type: 'Action.Execute',
        title: 'Ignore',
        verb: 'ignore',
        data: { command: 'ignore', subject: 'aad-ada' },
      },
      {
        type: 'Action.Submit',
        title: 'Ada Lovelace’s profile',
        data: { command: 'profile', subject: 'aad-ada' },
      },
    ]);
    const texts = cardsIn('a:personal-ada').map(({ card }) => readCard(card));
    expect(texts).toContain('You invited Bob Smith to connect. Waiting for an answer.');
    expect(texts).toContain('Invitation sent to Bob Smith.');
  });

  it('refuses Accept from a member the invitation is not for, changing nothing', async () => {
    const card = await execute('cat', { command: 'accept', subject: 'aad-ada' });

    expect(readCard(card)).toBe(
      'There is no invitation to you from that member. Nothing was changed.',
    );
    expect(await connectionsOf('aad-ada')).toHaveLength(0);
  });

  it('connects once for 20 Accept invokes at once, and updates the inviter’s note', async () => {
    const cards = await Promise.all(
      Array.from({ length: 20 }, () => execute('bob', { command: 'accept', subject: 'aad-ada' })),
    );

    for (const card of cards) {
      expect(readCard(card)).toBe('You and **Ada Lovelace** · Contoso are now connected.');
    }
    expect(await connectionsOf('aad-bob')).toHaveLength(1);
    const updates = cardsIn('a:personal-ada', 'PUT');
    expect(updates.map(({ card }) => readCard(card))).toEqual([
      'Bob Smith accepted: you are now connected.',
    ]);
    expect(cardsIn('a:personal-bob', 'PUT')).toHaveLength(1);
  });

  it('shows the connection in the profile card of both', async () => {
    await say('bob', 'profile');

    const [reply] = cardsIn('a:personal-bob');
    expect(JSON.stringify(reply!.card.body)).toContain('{"title":"Connections","value":"1"}');
  });

  it('puts the card in the conversation when the invitee has no chat with the bot', async () => {
    await say('cat', 'help', GROUP_CHAT);

    await say('ada', 'connect <at>cat</at>', GROUP_CHAT);

    const [reply] = cardsIn(GROUP_CHAT.id).slice(-1);
    expectValidAdaptiveCard(reply!.card);
    expect(readCard(reply!.card)).toContain('**Ada Lovelace** · Contoso invites Cat Jones');
    expect(reply!.card.actions?.[0]?.data).toEqual({ command: 'accept', subject: 'aad-ada' });
  });

  it('lists connections, invitations and suggestions with a plus button that invites', async () => {
    await say('dee', 'help', GROUP_CHAT);
    await say('ada', 'connections');

    const [reply] = cardsIn('a:personal-ada').slice(-1);
    expectValidAdaptiveCard(reply!.card);
    const text = readCard(reply!.card);
    expect(text).toContain('Connections (1)');
    expect(text).toContain('- Bob Smith · Contoso');
    expect(text).toContain('Invitations you sent');
    expect(text).toContain('- Cat Jones · Fabrikam');
    expect(text).toContain('**Dee Brown**\nalso at Contoso');
    const plus = JSON.stringify(reply!.card.body).match(/"data":(\{[^}]*\})/)![1]!;
    expect(JSON.parse(plus)).toEqual({ command: 'connect', subject: 'aad-dee' });

    await say('ada', '', personal('ada'), { value: JSON.parse(plus) });

    // Dee has no chat with the bot yet: the card is shown where Ada asked, and waits in Dee's list.
    expect(readCard(cardsIn('a:personal-ada').at(-1)!.card)).toContain('invites Dee Brown');
    const stored = await app.database.collections.invitations.findOne({ invitee: 'aad-dee' });
    expect(stored).toMatchObject({ inviter: 'aad-ada', inviteeMessage: null });
  });

  it('never shows another member’s pending invitations', async () => {
    await say('bob', 'connections');

    const text = readCard(cardsIn('a:personal-bob').at(-1)!.card);
    expect(text).not.toContain('Cat');
    expect(text).not.toContain('Invitations');
  });

  it('shows the text of an e-mail invitation to copy when no mail server is set up', async () => {
    await say('ada', 'invite friend@example.org');

    const { card } = cardsIn('a:personal-ada').at(-1)!;
    expectValidAdaptiveCard(card);
    const text = readCard(card);
    expect(text).toContain('No mail server is set up, so please send this to friend@example.org');
    expect(text).toMatch(/Join here: http:\/\/localhost:0\/r\/[A-Za-z0-9_-]{20}/);
    expect(text).toContain('+5 points for inviting');
    const stored = await app.database.collections.emailInvitations.countDocuments({
      tenant: TENANT,
    });
    expect(stored).toBe(1);
  });
});
