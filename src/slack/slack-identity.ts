/** Who is asking, in Slack's terms: the tenant of a request and the member's contact details. */
import type { webApi } from '@slack/bolt';
import type { FetchContact } from '../core/members/register-contact.js';

/** A tenant is the Enterprise Grid organisation when there is one, else the workspace. */
export function toSlackTenant(source: { team_id?: string; enterprise_id?: string }): string {
  const id = source.enterprise_id || source.team_id;
  if (!id) throw new Error('the Slack request names no workspace');
  return `slack:${id}`;
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
      };
    } catch {
      return fallbackName ? { displayName: fallbackName, email: null } : null;
    }
  };
}
