/** Who is asking, in Slack's terms: the tenant of a request and the member's contact details. */
import type { webApi } from '@slack/bolt';
import type { FetchContact } from '../core/members/register-contact.js';

/** Slack's team, enterprise and user ids: capital letters and digits. */
const SLACK_ID = /^[A-Z0-9]{2,40}$/;

/** Who sent a request, when its ids look like Slack's; null otherwise. */
export function toSlackRequester(source: {
  team_id?: unknown;
  enterprise_id?: unknown;
  user_id?: unknown;
}): { tenant: string; userId: string } | null {
  const workspace = source.enterprise_id || source.team_id;
  if (!isSlackId(workspace) || !isSlackId(source.user_id)) return null;
  return { tenant: `slack:${workspace}`, userId: source.user_id };
}

function isSlackId(value: unknown): value is string {
  return typeof value === 'string' && SLACK_ID.test(value);
}

/** Asks Slack for the member's name and e-mail (scopes users:read and users:read.email). */
export function contactFetcher(
  client: webApi.WebClient,
  userId: string,
  fallbackName: string | null,
): FetchContact {
  return async () => {
    try {
      const { user } = await client.users.info({ user: userId });
      const profile = user?.profile;
      return {
        displayName: profile?.display_name || profile?.real_name || user?.name || fallbackName,
        email: profile?.email ?? null,
        platformAdmin: user?.is_admin === true || user?.is_owner === true,
      };
    } catch {
      return fallbackName ? { displayName: fallbackName, email: null } : null;
    }
  };
}
