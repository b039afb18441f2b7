/** Installing the app in many workspaces through Slack's OAuth, as Bolt's installer does it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../src/slack/slack-app.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { installWorkspace, OAUTH_ENVIRONMENT } from '../support/slack-oauth.js';
import { postSlackEvent, postSlashCommand } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Slack OAuth installation', () => {
  const slack = new SlackRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    app = await startTestApp({ ...OAUTH_ENVIRONMENT, SLACK_API_URL: slack.apiUrl });
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
  });

  function install(teamId: string, token: string): Promise<Response> {
    return installWorkspace(app.baseUrl, slack, teamId, token);
  }

  it('sends the installer to Slack with the app id and the scopes the app needs', async () => {
    const response = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });

    const location = new URL(response.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('https://slack.com/oauth/v2/authorize');
    expect(location.searchParams.get('client_id')).toBe('1111.2222');
    expect(location.searchParams.get('scope')?.split(',')).toEqual(SLACK_BOT_SCOPES);
  });

  it('keeps each workspace’s token encrypted and uses it for that workspace', async () => {
    expect((await install('T0AAA', 'xoxb-token-of-a')).status).toBe(200);
    expect((await install('T0BBB', 'xoxb-token-of-b')).status).toBe(200);

    const stored = await app.database.collections.slackInstallations.find({}).toArray();
    expect(stored.map((document) => document._id).sort()).toEqual(['team:T0AAA', 'team:T0BBB']);
    expect(JSON.stringify(stored)).not.toMatch(/xoxb-token/);

    const ack = await postSlashCommand(app.baseUrl, {
      text: 'profile',
      userId: 'U0BEA',
      teamId: 'T0BBB',
      responseUrl: slack.responseUrl('oauth-b'),
    });
    expect(ack.status).toBe(200);
    await slack.waitFor('/respond/oauth-b');
    const lookups = slack.callsTo('/api/users.info').filter((call) => call.body.user === 'U0BEA');
    expect(lookups.map((call) => call.token)).toEqual(['xoxb-token-of-b']);
  });

  it('sends direct messages nobody asked for with the workspace’s own token', async () => {
    for (const [userId, name] of [
      ['U0BOB', 'bob-of-b'],
      ['U0BEA', 'bea-of-b'],
    ] as const) {
      await postSlashCommand(app.baseUrl, {
        text: 'help',
        userId,
        teamId: 'T0BBB',
        responseUrl: slack.responseUrl(`oauth-${name}`),
      });
      await slack.waitFor(`/respond/oauth-${name}`);
    }

    await postSlashCommand(app.baseUrl, {
      text: 'connect <@U0BOB>',
      userId: 'U0BEA',
      teamId: 'T0BBB',
      responseUrl: slack.responseUrl('oauth-connect'),
    });
    await slack.waitFor('/respond/oauth-connect');

    await expect
      .poll(() => slack.callsTo('/api/chat.postMessage').filter((c) => c.body.channel === 'U0BOB'))
      .toHaveLength(1);
    const card = slack.callsTo('/api/chat.postMessage').find((c) => c.body.channel === 'U0BOB');
    expect(card?.token).toBe('xoxb-token-of-b');
  });

  it('refuses a redirect whose state this app did not sign, storing nothing', async () => {
    const redirect = `${app.baseUrl}/slack/oauth_redirect?code=forged&state=forged-state`;

    const response = await fetch(redirect, { redirect: 'manual' });

    expect(response.status).toBeGreaterThanOrEqual(400);
    const stored = await app.database.collections.slackInstallations.countDocuments({});
    expect(stored).toBe(2);
  });

  it('forgets a workspace that uninstalls the app', async () => {
    const response = await postSlackEvent(
      app.baseUrl,
      { type: 'app_uninstalled' },
      { teamId: 'T0AAA' },
    );

    expect(response.status).toBe(200);
    await expect
      .poll(() => app.database.collections.slackInstallations.countDocuments({ _id: 'team:T0AAA' }))
      .toBe(0);
    expect(
      await app.database.collections.slackInstallations.countDocuments({ _id: 'team:T0BBB' }),
    ).toBe(1);
  });
});
