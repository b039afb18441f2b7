import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick, postSlackEvent } from '../support/slack-requests.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

describe('the App Home tab', () => {
  const slack = new SlackRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0KAY', { id: 'U0KAY', name: 'kay', realName: 'Kay', email: 'kay@gmail.com' });
    app = await startSlackTestApp(slack.apiUrl);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('publishes the member’s profile when the home tab is opened', async () => {
    const response = await postSlackEvent(app.baseUrl, {
      type: 'app_home_opened',
      user: 'U0KAY',
      channel: 'D0KAY',
      tab: 'home',
      event_ts: '1700000000.000100',
    });

    expect(response.status).toBe(200);
    const publish = await slack.waitFor('/api/views.publish');
    const view = JSON.parse(String(publish.body.view)) as { type: string; blocks: unknown[] };
    expect(publish.body.user_id).toBe('U0KAY');
    expect(view.type).toBe('home');
    expect(view.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Kay' } });
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('shows the answer of a button pressed on the home tab on the home tab', async () => {
    const before = slack.callsTo('/api/views.publish').length;

    const click = await postButtonClick(app.baseUrl, {
      userId: 'U0KAY',
      actionId: 'run_command_0',
      value: 'stats',
      container: { type: 'view', view_id: 'V0HOME' },
    });

    expect(click.status).toBe(200);
    await expect.poll(() => slack.callsTo('/api/views.publish').length).toBe(before + 1);
    const publish = slack.callsTo('/api/views.publish').at(-1)!;
    const view = JSON.parse(String(publish.body.view)) as { blocks: { text?: { text: string } }[] };
    expect(view.blocks[0]!.text?.text).toBe('Points by category: Kay');
  });
});
