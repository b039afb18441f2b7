/** Conversations the bot is installed in, keyed by tenant and conversation id. */
import type {
  ConversationRepository,
  StoredConversation,
} from '../core/conversations/conversation.js';
import { toDocumentId, type Collections, type ConversationDocument } from './collections.js';
import { upsertTwice } from './upsert.js';

export function createConversationRepository(collections: Collections): ConversationRepository {
  const { conversations } = collections;

  return {
    async save(conversation) {
      const _id = toDocumentId(conversation.tenant, conversation.conversationId);
      await upsertTwice(() => conversations.replaceOne({ _id }, conversation, { upsert: true }));
    },

    async remove(tenant, conversationId) {
      await conversations.deleteOne({ _id: toDocumentId(tenant, conversationId) });
    },

    async removeTeam(tenant, teamId) {
      await conversations.deleteMany({ tenant, teamId });
    },

    async list(tenant) {
      const documents = await conversations.find({ tenant }).sort({ _id: 1 }).toArray();
      return documents.map(toConversation);
    },

    async findPersonal(tenant, member) {
      const document = await conversations.findOne({ tenant, kind: 'personal', member });
      return document ? toConversation(document) : null;
    },
  };
}

function toConversation(document: ConversationDocument): StoredConversation {
  const { _id, ...conversation } = document;
  return conversation;
}
