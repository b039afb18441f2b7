import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { TEAMS_TENANT_ID } from '../support/teams-activities.js';
import { readCard, sendToBot, type Card, type TeamsUser } from '../support/teams-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;
const ADA: TeamsUser = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Lovelace' };
const BOB: TeamsUser = { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob' };

const COMPLETE = {
  title: 'Architect',
  company: 'Contoso',
  country: 'Belgium',
  bio: 'Low-code since 2015.',
  skills: 'Mendix, TypeScript',
  links: 'https://contoso.com/ada',
  visibility: 'public',
};

describe('profile settings in Teams', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;
  const say = (from: TeamsUser, text: string) => sendToBot(app.baseUrl, connector, from, { text });
  const submit = (from: TeamsUser, inputs: Record<string, string>) =>
    sendToBot(app.baseUrl, connector, from, {
      value: { form: 'settings', key: '', intent: '', ...inputs },
    });

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp();
    await say(BOB, 'help');
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('answers settings with a card form of inputs and a submit button', async () => {
    const reply = await say(ADA, 'settings');

    const inputs = reply.card.body.filter((element) => String(element.type).startsWith('Input.'));
    expect(inputs.map((input) => input.id)).toEqual([
      'title',
      'company',
      'country',
      'bio',
      'skills',
      'links',
      'visibility',
    ]);
    expect(inputs[0]).toMatchObject({ type: 'Input.Text', label: 'Title', maxLength: 80 });
    expect(inputs[6]).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded' });
    expect(reply.card.actions).toEqual([
      { type: 'Action.Submit', title: 'Save', data: { form: 'settings', key: '', intent: '' } },
    ]);
  });

  it('answers a bad submission with the form and the problems, storing nothing', async () => {
    const reply = await submit(ADA, { ...COMPLETE, bio: 'b'.repeat(501), links: 'not-a-link' });

    const text = readCard(reply.card as Card);
    expect(text).toContain('Some fields need a change; nothing was saved.');
    expect(text).toContain('At most 500 characters; this has 501.');
    expect(text).toContain('“not-a-link” is not a web address.');
    expect(reply.card.body).toContainEqual(
      expect.objectContaining({ id: 'title', value: 'Architect' }),
    );
    const stored = await app.database.collections.memberProfiles.countDocuments({ tenant: TENANT });
    expect(stored).toBe(0);
  });

  it('stores a submission, awards once, and keeps a private profile from others', async () => {
    const saved = await submit(ADA, COMPLETE);
    await submit(ADA, { ...COMPLETE, visibility: 'private' });
    const other = await say(BOB, 'profile <@aad-ada>');
    await submit(ADA, COMPLETE);
    const own = await say(ADA, 'profile');

    expect(saved.text).toContain('You earned 50 points for completing your profile.');
    expect(other.text).toBe('Ada Lovelace keeps their profile private.');
    expect(readCard(own.card)).toContain('Low-code since 2015.');
    expect(own.card.body).toContainEqual({
      type: 'FactSet',
      facts: expect.arrayContaining([{ title: 'Country', value: 'Belgium' }]),
    });
    const totals = await app.services.figures.findTotals(TENANT, 'aad-ada');
    expect(totals?.categories.impact).toBe(100);
  });
});
