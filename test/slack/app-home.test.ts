import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postViewSubmission } from '../support/slack-interactions.js';
import { postButtonClick, postSlackEvent, postSlashCommand } from '../support/slack-requests.js';
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

describe('the App Home dashboard', () => {
  const slack = new SlackRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0DEE', { id: 'U0DEE', name: 'dee', realName: 'Dee', email: null });
    app = await startSlackTestApp(slack.apiUrl);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  interface HomeBlock {
    type: string;
    text?: { text: string };
    elements?: { action_id?: string; value?: string; text?: { text: string } }[];
  }

  async function openHome(): Promise<HomeBlock[]> {
    const before = slack.callsTo('/api/views.publish').length;
    await postSlackEvent(app.baseUrl, {
      type: 'app_home_opened',
      user: 'U0DEE',
      channel: 'D0DEE',
      tab: 'home',
      event_ts: '1700000000.000200',
    });
    await expect.poll(() => slack.callsTo('/api/views.publish').length).toBe(before + 1);
    return latestHome();
  }

  function latestHome(): HomeBlock[] {
    const publish = slack.callsTo('/api/views.publish').at(-1)!;
    return (JSON.parse(String(publish.body.view)) as { blocks: HomeBlock[] }).blocks;
  }

  const buttonsOf = (blocks: HomeBlock[]) =>
    blocks.flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));

  it('shows the header, overview, recent activity, highlights and buttons to the views', async () => {
    const blocks = await openHome();
    const text = blocks.map((block) => block.text?.text ?? '').join('\n');

    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Dee' } });
    expect(text).toContain('*Points by category*');
    expect(text).toContain('*Recent activity*\nNo public activity yet.');
    expect(text).toContain('*Portfolio highlights*\nNo published projects yet.');
    expect(buttonsOf(blocks).map((button) => button.value)).toEqual(
      expect.arrayContaining(['portfolio', 'activity', 'settings']),
    );
    const actionIds = buttonsOf(blocks).map((button) => button.action_id);
    expect(new Set(actionIds).size).toBe(actionIds.length);
    expect(blocks.length).toBeLessThanOrEqual(100);
  });

  it('refreshes after the member saves their settings or a project', async () => {
    const before = slack.callsTo('/api/views.publish').length;

    await postViewSubmission(app.baseUrl, {
      userId: 'U0DEE',
      metadata: { form: 'project', key: '' },
      values: {
        appName: 'Harbour Booking',
        customer: 'Port of Rotterdam',
        businessNeed: 'Berths were booked by phone.',
        solution: 'A booking app.',
        results: 'No more double bookings.',
        intent: 'publish',
      },
    });

    await expect.poll(() => slack.callsTo('/api/views.publish').length).toBe(before + 1);
    const text = latestHome()
      .map((block) => block.text?.text ?? '')
      .join('\n');
    expect(text).toContain('*Portfolio highlights*\n• *Harbour Booking* for Port of Rotterdam');
  });

  it('refreshes after a command that changes the member’s own figures, not after a look', async () => {
    slack.users.set('U0EVE', { id: 'U0EVE', name: 'eve', realName: 'Eve', email: null });
    await postSlashCommand(app.baseUrl, {
      text: 'help',
      userId: 'U0EVE',
      responseUrl: slack.responseUrl('home-eve'),
    });
    await slack.waitFor('/respond/home-eve');
    const before = slack.callsTo('/api/views.publish').length;

    await postSlashCommand(app.baseUrl, {
      text: 'leaderboard',
      userId: 'U0DEE',
      responseUrl: slack.responseUrl('home-look'),
    });
    await slack.waitFor('/respond/home-look');
    await postSlashCommand(app.baseUrl, {
      text: 'connect <@U0EVE>',
      userId: 'U0DEE',
      responseUrl: slack.responseUrl('home-connect'),
    });
    await slack.waitFor('/respond/home-connect');

    await expect.poll(() => slack.callsTo('/api/views.publish').length).toBe(before + 1);
    expect(slack.callsTo('/api/views.publish').at(-1)!.body.user_id).toBe('U0DEE');
  });

  it('brings the dashboard back from a view a home button showed', async () => {
    const home = await openHome();
    const portfolio = buttonsOf(home).find((button) => button.value === 'portfolio')!;
    await postButtonClick(app.baseUrl, {
      userId: 'U0DEE',
      actionId: portfolio.action_id!,
      value: 'portfolio',
      container: { type: 'view', view_id: 'V0HOME' },
    });
    await expect.poll(() => latestHome()[0]?.text?.text).toBe('Your portfolio');
    const back = buttonsOf(latestHome()).find(
      (button) => button.text?.text === 'Back to dashboard',
    );

    await postButtonClick(app.baseUrl, {
      userId: 'U0DEE',
      actionId: back!.action_id!,
      value: '',
      container: { type: 'view', view_id: 'V0HOME' },
    });

    await expect.poll(() => latestHome()[0]?.text?.text).toBe('Dee');
  });
});
