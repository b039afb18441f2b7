/**
 * Votes in Q&A channels: the upvote or downvote emoji on a thread reply. A vote is keyed by
 * channel, message, voter and emoji, so Slack's retries and replays count once, and taking a
 * reaction back and giving it again does not earn the vote twice.
 */
import { isAppError } from '../errors.js';
import type { ActivityEvent } from '../scoring/activity-event.js';
import type { ClaimRepository } from '../scoring/ports.js';
import type { Scoring } from '../scoring/record-activity.js';
import {
  isThreadReply,
  toSlackEvent,
  toSlackReversal,
  type LookupMessage,
  type SlackReaction,
} from './slack-events.js';
import { toSlackInstant } from './source-settings.js';

export interface RecordVoteOptions {
  scoring: Pick<Scoring, 'recordActivity' | 'recordEvents'>;
  claims: ClaimRepository;
}

/** The role a vote reaction has, and its emoji without skin tone. */
export interface Vote {
  role: 'upvote' | 'downvote';
  emoji: string;
}

/** Builds the use case that records Q&A votes. */
export function createRecordVote(options: RecordVoteOptions) {
  const { scoring, claims } = options;

  /** Records a vote added, or takes back a vote removed. */
  return async function recordVote(
    reaction: SlackReaction,
    vote: Vote,
    lookup: LookupMessage,
  ): Promise<void> {
    const voteId = `vote:${reaction.channel}:${reaction.ts}:${reaction.reactor}:${vote.emoji}`;
    const removedKey = `slack-vote-removed|${reaction.tenant}|${voteId}`;
    const at = toSlackInstant(reaction.eventTs);

    if (reaction.change === 'removed') {
      // Left behind first, so that an addition arriving after this removal is taken back too.
      await claims.claim(removedKey, reaction.eventTs);
      await takeBack(reaction, voteId, vote.role, at);
      return;
    }

    if ((await claims.holderOf(removedKey)) !== null) return;
    const facts = await lookup();
    if (!facts?.author || !isThreadReply(reaction.ts, facts)) return;

    await scoring.recordEvents(toVoteEvents(reaction, voteId, vote.role, facts.author, at));

    // The removal may have arrived while this was booked; then it could not find the vote.
    if ((await claims.holderOf(removedKey)) !== null) {
      await takeBack(reaction, voteId, vote.role, at);
    }
  };

  async function takeBack(reaction: SlackReaction, voteId: string, role: Vote['role'], at: Date) {
    // A reversal goes to whoever the reversed event went to; the member named here is unused.
    for (const part of VOTE_PARTS[role]) {
      const id = `${voteId}${part.suffix}`;
      const target = toSlackEvent(
        reaction.tenant,
        id,
        part.activity,
        reaction.reactor,
        null,
        at,
        {},
      );
      await reverseIfRecorded(scoring, toSlackReversal(target, at));
    }
  }
}

/** The events a vote gives: the author's, and for a downvote also the voter's. */
const VOTE_PARTS = {
  upvote: [{ suffix: '', activity: 'community.upvote_received', to: 'author' }],
  downvote: [
    { suffix: ':received', activity: 'community.downvote_received', to: 'author' },
    { suffix: ':cast', activity: 'community.downvote_cast', to: 'voter' },
  ],
} as const;

function toVoteEvents(
  reaction: SlackReaction,
  voteId: string,
  role: Vote['role'],
  author: string,
  at: Date,
): ActivityEvent[] {
  const meta = { channel: reaction.channel, ts: reaction.ts };
  return VOTE_PARTS[role].map((part) => {
    // Each side names the other as actor, so that voting on yourself earns nothing either way.
    const [member, actor] =
      part.to === 'author' ? [author, reaction.reactor] : [reaction.reactor, author];
    const id = `${voteId}${part.suffix}`;
    return toSlackEvent(reaction.tenant, id, part.activity, member, actor, at, meta);
  });
}

/**
 * Takes back an event if it was ever booked. A reaction removed from a message that earned
 * nothing (not a reply, not counted yet) names an event the ledger never saw.
 */
export async function reverseIfRecorded(
  scoring: Pick<Scoring, 'recordActivity'>,
  reversal: ActivityEvent,
): Promise<void> {
  try {
    await scoring.recordActivity(reversal);
  } catch (error) {
    if (!isAppError(error, 'unknown_reversal_target')) throw error;
  }
}
