import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { readCard, sendToBot, type TeamsUser } from '../support/teams-session.js';
import { TEAMS_TENANT_ID } from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;
const ADMIN: TeamsUser = { id: '29:admin', aadObjectId: 'aad-admin', name: 'Ann Admin' };
const MEMBER: TeamsUser = { id: '29:max', aadObjectId: 'aad-max', name: 'Max' };

describe('admin commands in Teams', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;
  const say = (from: TeamsUser, text: string) => sendToBot(app.baseUrl, connector, from, { text });

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp({ ADMINS: JSON.stringify({ [TENANT]: ['aad-admin'] }) });
    await say(MEMBER, 'help');
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('awards and lists the ledger for an admin, in Adaptive Cards', async () => {
    const award = await say(ADMIN, 'admin award <@aad-max> impact.mvp_status_reached MVP 2026');
    const ledger = await say(ADMIN, 'admin ledger <@aad-max>');

    expect(award.text).toBe('MVP status reached awarded to Max: +300 points.');
    expect(readCard(ledger.card)).toMatch(/#1 · .* · MVP status reached · \+300/);
    expect(readCard(ledger.card)).toContain('by aad-admin “MVP 2026”');
  });

  it('refuses a member who is not an admin, booking nothing', async () => {
    const reply = await say(MEMBER, 'admin penalize <@aad-admin> 50 revenge');

    expect(reply.text).toMatch(/^Only admins of this community/);
    const entries = await app.database.collections.ledger.countDocuments({ member: 'aad-admin' });
    expect(entries).toBe(0);
  });

  it('tells a penalized member in their chat with the bot', async () => {
    const reply = await say(ADMIN, 'admin penalize <@aad-max> 20 spam');

    expect(reply.text).toBe(
      'Penalty for Max: -20 points (spam). The member was told by direct message.',
    );
    const dm = connector.sent.find(
      (sent) => sent.body.text === 'An admin took 20 points from you: spam',
    );
    expect(dm?.conversationId).toBe('a:personal-ada');
    expect((await app.services.figures.findTotals(TENANT, 'aad-max'))?.total).toBe(280);
  });

  it('says so when a penalized member never chatted with the bot', async () => {
    await app.services.members.ensure(TENANT, 'aad-zed', new Date());
    await say(ADMIN, 'admin award <@aad-zed> impact.mvp_status_reached');

    const reply = await say(ADMIN, 'admin penalize <@aad-zed> 5 spam');

    expect(reply.text).toBe(
      'Penalty for aad-zed: -5 points (spam). The member could not be told by direct message.',
    );
  });
});
