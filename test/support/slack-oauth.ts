/** The Slack app in OAuth mode, and workspaces installed through Bolt's real install flow. */
import { expect } from 'vitest';
import type { SlackRecorder } from './slack-recorder.js';
import { SIGNING_SECRET } from './slack-requests.js';

export const OAUTH_ENVIRONMENT = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_STATE_SECRET: 'state-secret-0123456789-0123456789',
  SLACK_TOKEN_ENCRYPTION_KEY: 'encryption-key-0123456789-0123456789',
};

/** What Slack's oauth.v2.access answers for a workspace installing the app. */
export function buildAccess(teamId: string, token: string) {
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

/** Runs the install flow for a workspace: the install page, then Slack's redirect back. */
export async function installWorkspace(
  baseUrl: string,
  slack: SlackRecorder,
  teamId: string,
  token: string,
): Promise<Response> {
  const start = await fetch(`${baseUrl}/slack/install`, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  const cookie = start.headers.get('set-cookie')!.split(';')[0]!;

  slack.answers.set('/api/oauth.v2.access', buildAccess(teamId, token));
  const redirect = new URL(`${baseUrl}/slack/oauth_redirect`);
  redirect.searchParams.set('code', `code-${teamId}`);
  redirect.searchParams.set('state', authorize.searchParams.get('state')!);
  return fetch(redirect, { headers: { cookie }, redirect: 'manual' });
}
