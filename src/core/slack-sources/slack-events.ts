/** What the Slack adapter hands the core about messages and reactions, already validated. */
import type { ActivityEvent } from '../scoring/activity-event.js';

/** The source name of every event this product derives from Slack itself. */
export const SLACK_SOURCE = 'slack';

/** A message posted in a channel the bot is in. */
export interface SlackMessage {
  tenant: string;
  channel: string;
  ts: string;
  /** The author; null for messages without a human author. */
  user: string | null;
  /** Slack's subtype: edits, joins, bot posts and the like; null for a plain new message. */
  subtype: string | null;
  /** Set on thread replies (and on the parent once it has replies). */
  threadTs: string | null;
  /** Whether a bot or an app posted it. */
  fromBot: boolean;
}

/** A reaction added to or removed from a message. */
export interface SlackReaction {
  tenant: string;
  change: 'added' | 'removed';
  channel: string;
  /** The timestamp of the message reacted to. */
  ts: string;
  reactor: string;
  /** Slack's reaction name, possibly with a skin tone. */
  reaction: string;
  /** When the reaction was added or removed, as Slack's event timestamp. */
  eventTs: string;
}

/** What Slack tells about the message a reaction names. */
export interface MessageFacts {
  author: string | null;
  /** The thread the message belongs to; null for a message outside any thread. */
  threadTs: string | null;
  /** Who started the thread; null when Slack did not say. */
  threadStarter: string | null;
}

/** Asks Slack about the message a reaction names; null when Slack cannot find it. */
export type LookupMessage = () => Promise<MessageFacts | null>;

/** Whether the message is a reply in a thread, not the thread's first message. */
export function isThreadReply(ts: string, facts: MessageFacts): boolean {
  return facts.threadTs !== null && facts.threadTs !== ts;
}

/** An activity of the Slack source for a member. */
export function toSlackEvent(
  tenant: string,
  eventId: string,
  activity: string,
  member: string,
  actor: string | null,
  occurredAt: Date,
  meta: Record<string, unknown>,
): ActivityEvent {
  return {
    tenant,
    source: SLACK_SOURCE,
    eventId,
    activity,
    member: { kind: 'user', userId: member },
    actor: actor === null ? null : { kind: 'user', userId: actor },
    occurredAt,
    reverses: null,
    public: true,
    meta,
  };
}

/** The event that takes back `target`, with an id every process derives alike. */
export function toSlackReversal(target: ActivityEvent, occurredAt: Date): ActivityEvent {
  return {
    ...target,
    eventId: `${target.eventId}:reversed`,
    reverses: target.eventId,
    occurredAt,
  };
}
