/** A tenant's Slack-native source settings: one document per channel and per emoji role. */
import {
  DEFAULT_VOTE_EMOJI,
  EMOJI_ROLES,
  type SlackSourceRepository,
  type SourceChannel,
  type VoteEmoji,
} from '../core/slack-sources/source-settings.js';
import { toDocumentId, type Collections, type SlackSourceDocument } from './collections.js';
import { insertOnce, upsertTwice } from './upsert.js';

type ChannelDocument = Extract<SlackSourceDocument, { kind: 'channel' }>;

/** The Slack-native source settings on the `slack_sources` collection. */
export function createSlackSourceRepository(collections: Collections): SlackSourceRepository {
  const { slackSources } = collections;
  const channelId = (tenant: string, channel: string) => toDocumentId(tenant, 'channel', channel);

  async function findChannel(tenant: string, channel: string): Promise<SourceChannel | null> {
    const document = await slackSources.findOne({ _id: channelId(tenant, channel) });
    return document?.kind === 'channel' ? toChannel(document) : null;
  }

  return {
    findChannel,

    async saveChannel(channel) {
      const document: ChannelDocument = {
        _id: channelId(channel.tenant, channel.channel),
        kind: 'channel',
        ...channel,
      };
      if (await insertOnce(() => slackSources.insertOne(document))) return 'added';

      // Configured before: the same role keeps the time it has counted from.
      const existing = await findChannel(channel.tenant, channel.channel);
      if (existing?.role === channel.role) return 'unchanged';
      await upsertTwice(() =>
        slackSources.replaceOne({ _id: document._id }, document, { upsert: true }),
      );
      return 'changed';
    },

    async removeChannel(tenant, channel) {
      const { deletedCount } = await slackSources.deleteOne({ _id: channelId(tenant, channel) });
      return deletedCount > 0;
    },

    async findEmoji(tenant) {
      const documents = await Promise.all(
        EMOJI_ROLES.map((role) =>
          slackSources.findOne({ _id: toDocumentId(tenant, 'emoji', role) }),
        ),
      );
      const emoji: VoteEmoji = { ...DEFAULT_VOTE_EMOJI };
      for (const document of documents) {
        if (document?.kind === 'emoji') emoji[document.role] = document.emoji;
      }
      return emoji;
    },

    async saveEmoji(tenant, role, emoji, configuredBy, configuredAt) {
      const _id = toDocumentId(tenant, 'emoji', role);
      const document = {
        _id,
        tenant,
        kind: 'emoji',
        role,
        emoji,
        configuredBy,
        configuredAt,
      } as const;
      await upsertTwice(() => slackSources.replaceOne({ _id }, document, { upsert: true }));
    },

    async listChannels(tenant) {
      const documents = await slackSources
        .find({ tenant, kind: 'channel' })
        .sort({ _id: 1 })
        .toArray();
      return documents.flatMap((document) =>
        document.kind === 'channel' ? [toChannel(document)] : [],
      );
    },
  };
}

function toChannel(document: ChannelDocument): SourceChannel {
  const { tenant, channel, role, since, configuredBy } = document;
  return { tenant, channel, role, since, configuredBy };
}
