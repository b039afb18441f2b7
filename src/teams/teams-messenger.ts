/**
 * Messages in Teams, posted proactively: to a member in their personal chat with the bot, and
 * to a channel, each known once it has talked to the bot or installed it (see the stored
 * conversations).
 */
import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ChatMessenger } from '../core/connections/ports.js';
import type { ConversationRepository } from '../core/conversations/conversation.js';
import { findChannelReference } from './channel-reference.js';
import { presentTeamsMessage } from './present/present-teams.js';

export interface TeamsMessengerOptions {
  adapter: CloudAdapter;
  /** The bot's app id; empty in local mode. */
  appId: string;
  conversations: ConversationRepository;
}

export function createTeamsMessenger(options: TeamsMessengerOptions): ChatMessenger {
  const { adapter, appId, conversations } = options;

  function toActivity(view: Parameters<ChatMessenger['update']>[2]) {
    const message = presentTeamsMessage(view);
    return {
      type: 'message',
      text: message.text,
      attachments: [CardFactory.adaptiveCard(message.card)],
    };
  }

  return {
    async sendToMember(tenant, member, view) {
      const conversation = await conversations.findPersonal(tenant, member);
      if (!conversation) return null;

      let id: string | undefined;
      const reference = conversation.reference as Partial<ConversationReference>;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        id = (await context.sendActivity(toActivity(view)))?.id;
      });
      return id ? { conversation: conversation.conversationId, message: id } : null;
    },

    async postToChannel(tenant, channel, view) {
      const reference = await findChannelReference(conversations, tenant, channel);
      if (!reference) return null;

      let id: string | undefined;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        id = (await context.sendActivity(toActivity(view)))?.id;
      });
      return id ? { conversation: channel, message: id } : null;
    },

    async update(tenant, ref, view) {
      const conversation = await conversations.find(tenant, ref.conversation);
      if (!conversation) return;
      const reference = conversation.reference as Partial<ConversationReference>;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        await context.updateActivity({ ...toActivity(view), id: ref.message });
      });
    },
  };
}
