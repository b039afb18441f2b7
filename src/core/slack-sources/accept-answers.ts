/**
 * Accepted answers: the thread starter's "accepted" reaction on a reply. A thread keeps a log
 * of acceptances, one claim per position (`…|1`, `…|2`, …), each held by an acceptance or by
 * its withdrawal. Taking a position is a unique-key insert, so two acceptances at once cannot
 * both become current: the later one takes the next position and moves the acceptance.
 */
import type { ActivityEvent } from '../scoring/activity-event.js';
import type { ClaimRepository } from '../scoring/ports.js';
import type { Scoring } from '../scoring/record-activity.js';
import type { Logger } from '../shared/logger.js';
import { reverseIfRecorded } from './record-votes.js';
import {
  isThreadReply,
  toSlackEvent,
  toSlackReversal,
  type LookupMessage,
  type SlackReaction,
} from './slack-events.js';
import { toSlackInstant } from './source-settings.js';

export interface AcceptAnswersOptions {
  scoring: Pick<Scoring, 'recordActivity' | 'recordEvents'>;
  claims: ClaimRepository;
  logger: Logger;
}

/** One position of a thread's log: a reply accepted, or the acceptance of a reply withdrawn. */
interface LogEntry {
  position: number;
  kind: 'accept' | 'withdraw';
  reply: string;
  author: string;
  starter: string;
  eventTs: string;
}

/** The thread a reaction is about. */
interface Thread {
  tenant: string;
  channel: string;
  threadTs: string;
}

/** How often a change retries when other reactions keep taking the next position. */
const MAX_ATTEMPTS = 20;

/** Builds the use case that records accepted answers. */
export function createAcceptAnswers(options: AcceptAnswersOptions) {
  const { scoring, claims } = options;
  const logger = options.logger.child({ module: 'slack-answers' });

  /** Accepts a reply or withdraws its acceptance, as the thread starter's reaction says. */
  return async function recordAcceptance(
    reaction: SlackReaction,
    lookup: LookupMessage,
  ): Promise<void> {
    const facts = await lookup();
    if (!facts?.author || !isThreadReply(reaction.ts, facts)) return;
    if (facts.threadStarter !== reaction.reactor) return;

    const thread = {
      tenant: reaction.tenant,
      channel: reaction.channel,
      threadTs: facts.threadTs!,
    };
    const change = {
      reply: reaction.ts,
      author: facts.author,
      starter: reaction.reactor,
      eventTs: reaction.eventTs,
    };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const log = await readLog(thread);
      const done =
        reaction.change === 'added'
          ? await tryAccept(thread, log, change)
          : await tryWithdraw(thread, log, change);
      if (done) return;
    }
    logger.warn({ tenant: thread.tenant, channel: thread.channel }, 'acceptance gave up');
  };

  /** True when settled; false when another reaction took the position first. */
  async function tryAccept(
    thread: Thread,
    log: LogEntry[],
    change: Omit<LogEntry, 'position' | 'kind'>,
  ): Promise<boolean> {
    // A retry or replay of an acceptance already in the log only finishes its bookings.
    const own = log.find((entry) => entry.kind === 'accept' && isSameChange(entry, change));
    if (own) {
      await settle(thread, own, log.length);
      return true;
    }

    const current = log.at(-1);
    if (current && isLaterThan(current.eventTs, change.eventTs)) return true;
    if (current?.kind === 'accept' && current.reply === change.reply) return true;
    if (await wasWithdrawnLater(thread, change)) return true;

    const entry: LogEntry = { ...change, position: log.length + 1, kind: 'accept' };
    if (!(await take(thread, entry))) return false;
    if (current?.kind === 'accept') await reverse(thread, current);
    await settle(thread, entry, entry.position);
    logger.info({ tenant: thread.tenant, member: change.author }, 'answer accepted');

    // The removal may have come while this was taking its position, and found nothing to undo.
    const withdrawnAt = await claims.holderOf(toWithdrawnKey(thread, change.reply));
    if (withdrawnAt !== null && isLaterThan(withdrawnAt, change.eventTs)) {
      await withdrawLate(thread, { ...change, eventTs: withdrawnAt });
    }
    return true;
  }

  async function withdrawLate(thread: Thread, change: Omit<LogEntry, 'position' | 'kind'>) {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (await tryWithdraw(thread, await readLog(thread), change)) return;
    }
  }

  async function tryWithdraw(
    thread: Thread,
    log: LogEntry[],
    change: Omit<LogEntry, 'position' | 'kind'>,
  ): Promise<boolean> {
    // Left behind, so that the acceptance this removal follows never counts if it comes late.
    // Only a reply's first removal is kept: a reaction given, taken back, given and taken back
    // again within moments may leave the second acceptance standing. Rare enough to accept.
    await claims.claim(toWithdrawnKey(thread, change.reply), change.eventTs);

    const current = log.at(-1);
    if (current?.kind !== 'accept' || current.reply !== change.reply) return true;

    const entry: LogEntry = { ...change, position: log.length + 1, kind: 'withdraw' };
    if (!(await take(thread, entry))) return false;
    await reverse(thread, current);
    return true;
  }

  /**
   * Books an acceptance, then takes it back if a later position exists: the change that took
   * it may have tried to reverse it before it was booked.
   */
  async function settle(thread: Thread, entry: LogEntry, logLength: number) {
    await scoring.recordEvents(toAcceptanceEvents(thread, entry));
    const moved = logLength > entry.position || (await readPosition(thread, entry.position + 1));
    if (moved) await reverse(thread, entry);
  }

  async function reverse(thread: Thread, entry: LogEntry) {
    const at = toSlackInstant(entry.eventTs);
    for (const event of toAcceptanceEvents(thread, entry)) {
      await reverseIfRecorded(scoring, toSlackReversal(event, at));
    }
  }

  async function wasWithdrawnLater(thread: Thread, change: Pick<LogEntry, 'reply' | 'eventTs'>) {
    const withdrawnAt = await claims.holderOf(toWithdrawnKey(thread, change.reply));
    return withdrawnAt !== null && isLaterThan(withdrawnAt, change.eventTs);
  }

  async function take(thread: Thread, entry: LogEntry): Promise<boolean> {
    const owner = toOwner(entry);
    return (await claims.claim(toPositionKey(thread, entry.position), owner)) === owner;
  }

  async function readPosition(thread: Thread, position: number): Promise<LogEntry | null> {
    const owner = await claims.holderOf(toPositionKey(thread, position));
    return owner === null ? null : fromOwner(owner, position);
  }

  async function readLog(thread: Thread): Promise<LogEntry[]> {
    const log: LogEntry[] = [];
    for (let entry = await readPosition(thread, 1); entry;) {
      log.push(entry);
      entry = await readPosition(thread, entry.position + 1);
    }
    return log;
  }
}

/** The two activities of an acceptance, with ids that name the thread and the log position. */
function toAcceptanceEvents(thread: Thread, entry: LogEntry): ActivityEvent[] {
  const id = `accepted:${thread.channel}:${thread.threadTs}:${entry.position}`;
  const at = toSlackInstant(entry.eventTs);
  const meta = { channel: thread.channel, ts: entry.reply, thread: thread.threadTs };
  const { tenant } = thread;
  const { author, starter } = entry;
  return [
    toSlackEvent(tenant, id, 'community.answer_accepted', author, starter, at, meta),
    toSlackEvent(
      tenant,
      `${id}:question`,
      'community.answer_marked_accepted',
      starter,
      author,
      at,
      meta,
    ),
  ];
}

function isSameChange(entry: LogEntry, change: Pick<LogEntry, 'reply' | 'eventTs'>): boolean {
  return entry.reply === change.reply && entry.eventTs === change.eventTs;
}

/** Whether Slack timestamp `a` is later than `b`. */
function isLaterThan(a: string, b: string): boolean {
  return Number(a) > Number(b);
}

function toPositionKey(thread: Thread, position: number): string {
  return `slack-accepted|${thread.tenant}|${thread.channel}|${thread.threadTs}|${position}`;
}

function toWithdrawnKey(thread: Thread, reply: string): string {
  return `slack-accept-withdrawn|${thread.tenant}|${thread.channel}|${reply}`;
}

function toOwner(entry: LogEntry): string {
  return [entry.kind, entry.reply, entry.author, entry.starter, entry.eventTs].join(' ');
}

function fromOwner(owner: string, position: number): LogEntry {
  const [kind, reply = '', author = '', starter = '', eventTs = ''] = owner.split(' ');
  return {
    position,
    kind: kind === 'accept' ? 'accept' : 'withdraw',
    reply,
    author,
    starter,
    eventTs,
  };
}
