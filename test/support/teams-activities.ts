/** Builders of Bot Framework activities as Teams sends them, and a way to post them. */
import { randomUUID } from 'node:crypto';

export const TEAMS_TENANT_ID = '72f988bf-0000-4000-8000-000000000001';
export const BOT_ID = '28:bot-app-id';

export interface ActivityOptions {
  serviceUrl: string;
  from?: { id: string; aadObjectId?: string; name?: string };
  conversation?: Record<string, unknown>;
  channelData?: Record<string, unknown>;
}

export function buildActivity(
  type: string,
  options: ActivityOptions,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type,
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: options.from ?? { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada Lovelace' },
    conversation: options.conversation ?? {
      id: 'a:personal-ada',
      conversationType: 'personal',
      tenantId: TEAMS_TENANT_ID,
    },
    recipient: { id: BOT_ID, name: 'Community Profile' },
    channelData: options.channelData ?? { tenant: { id: TEAMS_TENANT_ID } },
    locale: 'en-US',
    ...fields,
  };
}

/**
 * Where a message typed in a team's channel comes from: the channel's thread of that message,
 * and the team and channel in the channel data.
 */
export function inChannel(
  channel: string,
  team = '19:team@thread.tacv2',
): Pick<ActivityOptions, 'conversation' | 'channelData'> {
  return {
    conversation: {
      id: `${channel};messageid=1700000000000`,
      conversationType: 'channel',
      tenantId: TEAMS_TENANT_ID,
    },
    channelData: { tenant: { id: TEAMS_TENANT_ID }, team: { id: team }, channel: { id: channel } },
  };
}

/** Posts an activity to the bot and returns the HTTP status and body. */
export async function postActivity(baseUrl: string, activity: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}
