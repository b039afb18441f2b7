import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { TEAMS_TENANT_ID } from '../support/teams-activities.js';
import { readCard, sendToBot, type TeamsUser } from '../support/teams-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;
const ADA: TeamsUser = {
  id: '29:ada',
  aadObjectId: '0b9e3c1a-7f0e-4c1e-9a55-2f6f3a1d8e01',
  name: 'Ada',
};
const BOB: TeamsUser = { id: '29:bob', aadObjectId: 'aad-bob', name: 'Bob' };

describe('the portfolio in Teams', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;
  const say = (from: TeamsUser, text: string) => sendToBot(app.baseUrl, connector, from, { text });
  const press = (from: TeamsUser, data: Record<string, unknown>) =>
    sendToBot(app.baseUrl, connector, from, { value: data });

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp();
    await say(BOB, 'help');
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('offers Publish and Save as Draft on the editor card', async () => {
    const reply = await say(ADA, 'portfolio add');

    expect(reply.card.actions?.map((action) => [action.title, action.data])).toEqual([
      ['Publish', { form: 'project', key: '', intent: 'publish' }],
      ['Save as Draft', { form: 'project', key: '', intent: 'draft' }],
    ]);
    expect(readCard(reply.card)).toContain('The problem the customer had, in a few sentences.');
  });

  it('answers publishing an incomplete project with the editor and its problems', async () => {
    const reply = await press(ADA, {
      form: 'project',
      key: '',
      intent: 'publish',
      appName: 'Fleet',
    });

    expect(readCard(reply.card)).toContain('Required to publish; or choose Save as Draft.');
    expect(reply.card.body).toContainEqual(
      expect.objectContaining({ id: 'appName', value: 'Fleet' }),
    );
    expect(await app.database.collections.projects.countDocuments({ tenant: TENANT })).toBe(0);
  });

  it('publishes a complete project that another member opens from the list', async () => {
    const saved = await press(ADA, {
      form: 'project',
      key: '',
      intent: 'publish',
      appName: 'Fleet Planner',
      customer: 'Contoso Logistics',
      businessNeed: 'Trucks ran half empty.',
      solution: 'Route planning with live loads.',
      results: '18% fewer trips.',
      link: '',
    });
    expect(saved.text).toBe('“Fleet Planner” is published in your portfolio.');

    const list = await say(BOB, `portfolio <@${ADA.aadObjectId}>`);
    const open = JSON.stringify(list.card.body).match(/"command":"(portfolio show [^"]+)"/)![1]!;
    const details = await press(BOB, { command: open });

    expect(readCard(list.card)).toContain('Fleet Planner');
    expect(readCard(details.card)).toContain('Route planning with live loads.');
    expect(details.card.actions?.map((action) => action.title)).toEqual(['Back to portfolio']);
  });
});
