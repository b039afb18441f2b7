/** Members' personal chats with the bot, one document per member. */
import type { Db } from 'mongodb';
import type { PersonalChatRepository } from '../core/conversations/personal-chat.js';
import { withBusyRetry } from './busy-retry.js';
import { toDocumentId } from './collections.js';
import { upsertTwice } from './upsert.js';

interface PersonalChatDocument {
  _id: string;
  tenant: string;
  member: string;
  reference: Record<string, unknown>;
}

export function createPersonalChatRepository(db: Db): PersonalChatRepository {
  const chats = withBusyRetry(db.collection<PersonalChatDocument>('personal_chats'));

  return {
    async save(tenant, userId, reference) {
      const _id = toDocumentId(tenant, userId);
      const fields = { tenant, member: userId, reference };
      await upsertTwice(() => chats.updateOne({ _id }, { $set: fields }, { upsert: true }));
    },

    async find(tenant, userId) {
      const chat = await chats.findOne({ _id: toDocumentId(tenant, userId) });
      return chat?.reference ?? null;
    },
  };
}
