import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlackEvent, SIGNING_SECRET } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the App Home tab', () => {
  const slack = new SlackRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U_KAY', { id: 'U_KAY', name: 'kay', realName: 'Kay', email: 'kay@gmail.com' });
    app = await startTestApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('publishes the member’s profile when the home tab is opened', async () => {
    const response = await postSlackEvent(app.baseUrl, {
      type: 'app_home_opened',
      user: 'U_KAY',
      channel: 'D0KAY',
      tab: 'home',
      event_ts: '1700000000.000100',
    });

    expect(response.status).toBe(200);
    const publish = await slack.waitFor('/api/views.publish');
    const view = JSON.parse(String(publish.body.view)) as { type: string; blocks: unknown[] };
    expect(publish.body.user_id).toBe('U_KAY');
    expect(view.type).toBe('home');
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Kay' } });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});
