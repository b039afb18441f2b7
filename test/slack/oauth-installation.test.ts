/** Installing the app in many workspaces through Slack's OAuth, as Bolt's installer does it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_BOT_SCOPES } from '../../src/slack/slack-app.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlackEvent, postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OAUTH_ENVIRONMENT = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_STATE_SECRET: 'state-secret-0123456789-0123456789',
  SLACK_TOKEN_ENCRYPTION_KEY: 'encryption-key-0123456789-0123456789',
};

function buildAccess(teamId: string, token: string) {
  return {
    ok: true,
    app_id: 'A0APP',
    authed_user: { id: 'U0ADMIN' },
    scope: 'commands,users:read,users:read.email',
    token_type: 'bot',
    access_token: token,
    bot_user_id: 'UBOT',
    team: { id: teamId, name: `Team ${teamId}` },
    enterprise: null,
    is_enterprise_install: false,
  };
}

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

  /** Runs the install flow for a workspace: the install page, then Slack's redirect back. */
  async function install(teamId: string, token: string): Promise<Response> {
    const start = await fetch(`${app.baseUrl}/slack/install`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('location')!);
    const cookie = start.headers.get('set-cookie')!.split(';')[0]!;

    slack.answers.set('/api/oauth.v2.access', buildAccess(teamId, token));
    const redirect = new URL(`${app.baseUrl}/slack/oauth_redirect`);
    redirect.searchParams.set('code', `code-${teamId}`);
    redirect.searchParams.set('state', authorize.searchParams.get('state')!);
    return fetch(redirect, { headers: { cookie }, redirect: 'manual' });
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
