import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { postEvents } from '../support/intake-requests.js';
import { TEAMS_TENANT_ID } from '../support/teams-activities.js';
import { readCard, sendToBot, type TeamsUser } from '../support/teams-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = `teams:${TEAMS_TENANT_ID}`;
const SOURCE = { name: 'marketplace', tenant: TENANT, secret: 'marketplace-secret-0123456789' };
const ADA: TeamsUser = { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada' };

describe('the activity feed in Teams', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp({ INTAKE_SOURCES: JSON.stringify([SOURCE]) });
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('answers activity with a card of public events, newest first', async () => {
    await sendToBot(app.baseUrl, connector, ADA, { text: 'help' });
    const events = [
      { id: 'm1', activity: 'marketplace.app_version_published', minutesAgo: 90 },
      { id: 'm2', activity: 'marketplace.app_downloaded', minutesAgo: 10 },
    ].map(({ minutesAgo, ...event }) => ({
      ...event,
      member: 'aad-ada',
      occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    }));
    await postEvents(app.baseUrl, { events }, { source: SOURCE.name, secret: SOURCE.secret });

    const reply = await sendToBot(app.baseUrl, connector, ADA, { text: 'activity' });

    expect(readCard(reply.card).split('\n')).toEqual([
      'Your activity',
      'App downloaded · +1 · 10 minutes ago',
      'App version published · +25 · 2 hours ago',
    ]);
  });
});
