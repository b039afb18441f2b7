/**
 * A Teams channel as the bot can post to it: found among the conversations stored when the bot
 * was installed or used there, whose ids may name a thread of the channel.
 */
import type { ConversationReference } from 'botbuilder';
import type {
  ConversationRepository,
  StoredConversation,
} from '../core/conversations/conversation.js';

/** A channel's conversation id without the thread a message in it was part of. */
export function toChannelId(conversationId: string): string {
  return conversationId.split(';')[0]!;
}

/** A reference that posts a new message in the channel, not a reply in a thread of it. */
export async function findChannelReference(
  conversations: Pick<ConversationRepository, 'list'>,
  tenant: string,
  channelId: string,
): Promise<Partial<ConversationReference> | null> {
  const all = await conversations.list(tenant);
  const stored = all.find(
    (conversation: StoredConversation) => toChannelId(conversation.conversationId) === channelId,
  );
  if (!stored) return null;

  const reference = stored.reference as Partial<ConversationReference>;
  return { ...reference, conversation: { ...reference.conversation!, id: channelId } };
}
