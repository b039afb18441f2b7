/** Sends requests to the app signed exactly as Slack signs them. */
import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

export function signSlackBody(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  const hmac = createHmac('sha256', secret).update(`v0:${timestamp}:${body}`);
  return `v0=${hmac.digest('hex')}`;
}

export interface SlashCommandInput {
  text: string;
  userId: string;
  userName?: string;
  teamId?: string;
  /** The Enterprise Grid organization of the team; none unless given. */
  enterpriseId?: string;
  /** The channel the command is typed in; a public channel unless given. */
  channelId?: string;
  responseUrl: string;
}

/** Posts `/mendix <text>` as Slack would, and returns the HTTP response. */
export async function postSlashCommand(
  baseUrl: string,
  input: SlashCommandInput,
  options: { secret?: string; timestamp?: number } = {},
): Promise<Response> {
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: input.teamId ?? 'T0TEST',
    team_domain: 'test',
    ...(input.enterpriseId ? { enterprise_id: input.enterpriseId } : {}),
    channel_id: input.channelId ?? 'C0GENERAL',
    channel_name: 'general',
    user_id: input.userId,
    user_name: input.userName ?? input.userId.toLowerCase(),
    command: '/mendix',
    text: input.text,
    api_app_id: 'A0APP',
    response_url: input.responseUrl,
    trigger_id: '123.456.abc',
  }).toString();
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackBody(body, timestamp, options.secret),
    },
    body,
  });
}

/** Posts an Events API callback as Slack would, with optional retry headers. */
export async function postSlackEvent(
  baseUrl: string,
  event: Record<string, unknown>,
  options: { teamId?: string; eventId?: string; retryNum?: number } = {},
): Promise<Response> {
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: options.teamId ?? 'T0TEST',
    api_app_id: 'A0APP',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: options.teamId ?? 'T0TEST', user_id: 'UBOT', is_bot: true }],
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signSlackBody(body, timestamp),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  return fetch(`${baseUrl}/slack/events`, { method: 'POST', headers, body });
}

/** Posts a button click (a block_actions interaction) as Slack would. */
export async function postButtonClick(
  baseUrl: string,
  input: {
    userId: string;
    actionId: string;
    value: string;
    responseUrl?: string;
    container?: Record<string, unknown>;
    teamId?: string;
    enterpriseId?: string;
  },
): Promise<Response> {
  const payload = {
    type: 'block_actions',
    user: {
      id: input.userId,
      username: input.userId.toLowerCase(),
      team_id: input.teamId ?? 'T0TEST',
    },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    container: input.container ?? {
      type: 'message',
      message_ts: '1700000000.000100',
      is_ephemeral: true,
    },
    trigger_id: '123.456.def',
    team: { id: input.teamId ?? 'T0TEST', domain: 'test' },
    enterprise: input.enterpriseId ? { id: input.enterpriseId, name: 'Org' } : null,
    is_enterprise_install: false,
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'x' },
        value: input.value,
        action_ts: '1700000001.000200',
      },
    ],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackBody(body, timestamp),
    },
    body,
  });
}
