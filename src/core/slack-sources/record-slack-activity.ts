/**
 * Points from the Slack workspace itself (SPEC §12): buzz posts in buzz channels, votes and
 * accepted answers in Q&A channels. Every event id is derived from Slack's own ids, so that
 * Slack's retries and replays count once.
 */
import type { ClaimRepository } from '../scoring/ports.js';
import type { Scoring } from '../scoring/record-activity.js';
import type { Logger } from '../shared/logger.js';
import { createAcceptAnswers } from './accept-answers.js';
import { createRecordVote } from './record-votes.js';
import {
  toSlackEvent,
  type LookupMessage,
  type SlackMessage,
  type SlackReaction,
} from './slack-events.js';
import {
  EMOJI_ROLES,
  toEmojiName,
  toSlackInstant,
  type SlackSourceRepository,
  type SourceChannel,
} from './source-settings.js';

export interface SlackActivityOptions {
  sources: SlackSourceRepository;
  scoring: Pick<Scoring, 'recordActivity' | 'recordEvents'>;
  claims: ClaimRepository;
  logger: Logger;
}

/** The use cases behind Slack's message and reaction events. */
export interface SlackActivity {
  /** Counts a new top-level message in a buzz channel as a buzz post. */
  recordMessage(message: SlackMessage): Promise<void>;
  /** Counts a vote or an acceptance in a Q&A channel, or takes it back when removed. */
  recordReaction(reaction: SlackReaction, lookup: LookupMessage): Promise<void>;
}

/** Builds the use cases behind Slack's message and reaction events. */
export function createSlackActivity(options: SlackActivityOptions): SlackActivity {
  const { sources, scoring } = options;
  const logger = options.logger.child({ module: 'slack-activity' });
  const recordVote = createRecordVote(options);
  const recordAcceptance = createAcceptAnswers(options);

  async function recordMessage(message: SlackMessage): Promise<void> {
    if (!isNewHumanPost(message)) return;
    const channel = await sources.findChannel(message.tenant, message.channel);
    const postedAt = toSlackInstant(message.ts);
    if (channel?.role !== 'buzz' || !isSince(channel, postedAt)) return;

    const eventId = `buzz:${message.channel}:${message.ts}`;
    const meta = { channel: message.channel, ts: message.ts };
    const event = toSlackEvent(
      message.tenant,
      eventId,
      'platform.buzz_posted',
      message.user!,
      null,
      postedAt,
      meta,
    );
    const result = await scoring.recordActivity(event);
    logger.debug({ tenant: message.tenant, member: message.user, eventId, ...result }, 'buzz');
  }

  async function recordReaction(reaction: SlackReaction, lookup: LookupMessage): Promise<void> {
    const channel = await sources.findChannel(reaction.tenant, reaction.channel);
    if (channel?.role !== 'qa' || !isSince(channel, toSlackInstant(reaction.eventTs))) return;

    const emoji = toEmojiName(reaction.reaction);
    const configured = await sources.findEmoji(reaction.tenant);
    const role = EMOJI_ROLES.find((candidate) => configured[candidate] === emoji);
    if (role === 'accepted') await recordAcceptance(reaction, lookup);
    else if (role) await recordVote(reaction, { role, emoji }, lookup);
  }

  return { recordMessage, recordReaction };
}

/** Edits, joins, bot posts and thread replies are not buzz posts. */
function isNewHumanPost(message: SlackMessage): boolean {
  const plain = message.subtype === null || message.subtype === 'file_share';
  const topLevel = message.threadTs === null || message.threadTs === message.ts;
  return plain && topLevel && !message.fromBot && message.user !== null;
}

/** Whether something at `instant` happened after the channel was configured. */
function isSince(channel: SourceChannel, instant: Date): boolean {
  return instant.getTime() >= channel.since.getTime();
}
