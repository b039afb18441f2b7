/**
 * Slack-native sources of a tenant (SPEC §12): channels whose messages count as buzz posts,
 * Q&A channels where reactions on replies are votes, and the emoji that mean up, down and
 * accepted.
 */

/** What a configured channel counts for. */
export type ChannelRole = 'buzz' | 'qa';

/** What a reaction in a Q&A channel means. */
export type EmojiRole = 'upvote' | 'downvote' | 'accepted';

export const EMOJI_ROLES: readonly EmojiRole[] = ['upvote', 'downvote', 'accepted'];

/** A channel an admin configured; messages and reactions from before `since` do not count. */
export interface SourceChannel {
  tenant: string;
  channel: string;
  role: ChannelRole;
  since: Date;
  /** The admin who configured it. */
  configuredBy: string;
}

/** The emoji name of each reaction role, without colons and skin tone. */
export type VoteEmoji = Record<EmojiRole, string>;

/** Emoji used until an admin picks others: Slack's names for 👍, 👎 and ✅. */
export const DEFAULT_VOTE_EMOJI: VoteEmoji = {
  upvote: '+1',
  downvote: '-1',
  accepted: 'white_check_mark',
};

/** Everything configured for a tenant. */
export interface SourceSettings {
  channels: SourceChannel[];
  emoji: VoteEmoji;
}

/** Outcome of configuring a channel. */
export type ChannelChange = 'added' | 'changed' | 'unchanged';

/** Where the Slack-native source settings are kept. */
export interface SlackSourceRepository {
  /** The configured channel, or null when it counts for nothing. */
  findChannel(tenant: string, channel: string): Promise<SourceChannel | null>;
  /** Configures a channel; a channel kept in the same role keeps its `since`. */
  saveChannel(channel: SourceChannel): Promise<ChannelChange>;
  /** Forgets a channel; false when it was not configured. */
  removeChannel(tenant: string, channel: string): Promise<boolean>;
  /** The tenant's emoji, with the defaults for roles never set. */
  findEmoji(tenant: string): Promise<VoteEmoji>;
  saveEmoji(tenant: string, role: EmojiRole, emoji: string, by: string, at: Date): Promise<void>;
  /** Every configured channel of the tenant, ordered by channel id. */
  listChannels(tenant: string): Promise<SourceChannel[]>;
}

const SKIN_TONE = /::skin-tone-\d$/;

/** Slack's reaction name without a skin tone, so that every 👍 counts as the same vote. */
export function toEmojiName(reaction: string): string {
  return reaction.replace(SKIN_TONE, '');
}

/** The instant of a Slack message timestamp such as `1700000000.000100`. */
export function toSlackInstant(ts: string): Date {
  return new Date(Math.floor(Number(ts) * 1000));
}
