/** Who is asking, in Teams' terms: the tenant, the member's id, mentions and contact details. */
import { TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import type { FetchContact } from '../core/members/register-contact.js';

/** The tenant of an activity; the Bot Framework Emulator sends none, which counts as "local". */
export function toTeamsTenant(activity: Activity): string {
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant;
  const id = activity.conversation?.tenantId ?? channelTenant?.id ?? 'local';
  return `teams:${id}`;
}

/** Members are keyed by their AAD object id when Teams gives one, else by their Teams id. */
export function toTeamsUserId(account: { id: string; aadObjectId?: string }): string {
  return account.aadObjectId || account.id;
}

/**
 * The command text of a message: the bot's own @mention removed, and each mention of a member
 * written `<@user-id>` as the shared command grammar expects.
 */
export async function toCommandText(context: TurnContext): Promise<string> {
  const activity = context.activity;
  let text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  for (const mention of TurnContext.getMentions(activity)) {
    if (mention.mentioned.id === activity.recipient?.id || !mention.text) continue;
    const userId = await resolveMentionedUser(context, mention.mentioned);
    text = text.replace(mention.text, `<@${userId}>`);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Mentions carry the Teams id; the AAD object id, when Teams has one, is asked for. */
async function resolveMentionedUser(
  context: TurnContext,
  mentioned: { id: string; aadObjectId?: string },
): Promise<string> {
  if (mentioned.aadObjectId) return mentioned.aadObjectId;
  try {
    return toTeamsUserId(await TeamsInfo.getMember(context, mentioned.id));
  } catch {
    return mentioned.id;
  }
}

/** Asks Teams for the member's name and e-mail; Teams gives the e-mail for members of a team. */
export function contactFetcher(context: TurnContext): FetchContact {
  return async () => {
    const from = context.activity.from;
    try {
      const member = await TeamsInfo.getMember(context, from.id);
      return {
        displayName: member.name || from.name || null,
        email:
          member.email ?? (isEmail(member.userPrincipalName) ? member.userPrincipalName! : null),
      };
    } catch {
      return from.name ? { displayName: from.name, email: null } : null;
    }
  };
}

function isEmail(value: string | undefined): boolean {
  return value !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value);
}
