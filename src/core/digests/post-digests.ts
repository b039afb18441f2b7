/**
 * Posts the digests that are due, exactly once per subscription and local day, however many
 * app instances run this at the same moment. The decision to post is an insert of the day's
 * next attempt number into a unique key: only one instance gets it. The attempt carries a
 * retry time: a crash before the post leaves it to expire and be taken over, a rate limit moves
 * it to the platform's Retry-After, and a posted marker ends the day for everyone.
 *
 * An owner that dies while sending (or whose send times out) leaves a post that may or may not
 * be in the channel. The attempt records when its send began, and the next attempt first looks
 * in the channel for the digest's key; where the platform cannot be asked (Teams), it does not
 * post again: a missed digest is better than the same digest twice.
 */
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ComposedDigest } from './compose-digest.js';
import { latestOccurrence, type DigestOccurrence } from './digest-schedule.js';
import {
  toDigestKey,
  toRevision,
  type DigestAttempt,
  type DigestChannels,
  type DigestPostRepository,
  type DigestSettlement,
  type DigestSubscription,
  type DigestSubscriptionRepository,
  type EarlierPost,
} from './digest-subscription.js';

/** How long an attempt is its owner's before another instance may take over. */
export const ATTEMPT_LEASE_SECONDS = 300;

/** A digest posted more than this after its time is marked late. */
export const LATE_AFTER_MINUTES = 15;

/** Wait before trying again after a failure the platform gave no wait for. */
const FAILURE_RETRY_SECONDS = 60;

export interface PostDigestsOptions {
  subscriptions: DigestSubscriptionRepository;
  posts: DigestPostRepository;
  channels: DigestChannels;
  compose(
    subscription: DigestSubscription,
    occurrence: { day: string; late: boolean },
    now: Date,
  ): Promise<ComposedDigest>;
  /** Names this instance in the attempts it owns. */
  owner: string;
  /** Times each step: a run handles subscriptions one after another, for minutes at worst. */
  clock: Clock;
  logger: Logger;
}

export interface PostDigests {
  /**
   * Posts every digest due now; a failing subscription does not stop the others. Claims,
   * leases and retries are timed by the clock when each step happens. `keepAlive` is called
   * after each subscription, to tell the scheduler the run goes on.
   */
  runDue(keepAlive?: () => Promise<void>): Promise<void>;
}

export function createPostDigests(options: PostDigestsOptions): PostDigests {
  const { subscriptions, posts, channels, owner, clock } = options;
  const logger = options.logger.child({ module: 'digests' });

  /** Claims the day's next attempt when the day is still open and no one else holds it. */
  async function claimDue(
    subscription: DigestSubscription,
    occurrence: DigestOccurrence,
  ): Promise<DigestAttempt | null> {
    const revision = toRevision(subscription);
    const day = { subscriptionId: subscription.id, revision, day: occurrence.day };
    if (await posts.isPosted(day)) return null;

    const latest = await posts.latestAttempt(day);
    const now = clock.now();
    if (latest && latest.retryAt.getTime() > now.getTime()) return null;

    const lateness = now.getTime() - occurrence.scheduledAt.getTime();
    const attempt: DigestAttempt = {
      ...day,
      attempt: (latest?.attempt ?? 0) + 1,
      owner,
      claimedAt: now,
      retryAt: addSeconds(now, ATTEMPT_LEASE_SECONDS),
      late: latest?.late ?? lateness > LATE_AFTER_MINUTES * 60_000,
      ...unsureSinceAfter(latest),
    };
    if (!(await posts.claim(attempt))) return null;

    // The previous owner may have posted between the first check and the claim.
    return (await posts.isPosted(attempt)) ? null : attempt;
  }

  async function deliver(subscription: DigestSubscription, attempt: DigestAttempt) {
    const fields = { tenant: subscription.tenant, subscription: subscription.id, day: attempt.day };
    const key = toDigestKey(attempt);
    const earlier = attempt.unsureSince ? await findEarlierPost(subscription, attempt, key) : null;
    if (earlier === 'failed') return;
    const composed = await options.compose(subscription, attempt, clock.now());
    if (earlier === 'posted' || earlier === 'unknown') {
      return settleEarlier(subscription, attempt, composed, earlier);
    }

    await posts.markSending(attempt, clock.now());
    const outcome = await channels.post(subscription, composed.view, key).catch((error) => {
      logger.error({ ...fields, err: error }, 'digest post failed');
      return { kind: 'unsure' as const };
    });

    // The post may have taken seconds: the next try is counted from its answer.
    const now = clock.now();
    switch (outcome.kind) {
      case 'posted':
        await settle(subscription, attempt, composed, now, 'posted');
        logger.info({ ...fields, late: attempt.late, attempt: attempt.attempt }, 'digest posted');
        return;
      case 'unsure':
        // The post may have gone out: the next attempt looks in the channel before posting.
        await posts.defer(attempt, addSeconds(now, FAILURE_RETRY_SECONDS), 'unknown');
        return;
      case 'retry':
        await posts.defer(attempt, addSeconds(now, outcome.afterSeconds), 'no');
        logger.warn({ ...fields, ...outcome }, 'digest post deferred');
        return;
      case 'gone':
        await subscriptions.disable(subscription.id, outcome.reason);
        logger.warn({ ...fields, reason: outcome.reason }, 'digest channel gone, subscription off');
        await channels
          .notify(subscription.tenant, subscription.createdBy, toGoneText(subscription, outcome))
          .catch((error: unknown) => logger.error({ ...fields, err: error }, 'notify failed'));
        return;
    }
  }

  /** Asks the channel for an earlier attempt's post; a failed question is asked again later. */
  async function findEarlierPost(
    subscription: DigestSubscription,
    attempt: DigestAttempt,
    key: string,
  ): Promise<EarlierPost | 'failed'> {
    try {
      return await channels.findPosted(subscription, key, attempt.unsureSince!);
    } catch (error) {
      const fields = { tenant: subscription.tenant, subscription: subscription.id };
      logger.error({ ...fields, day: attempt.day, err: error }, 'digest lookup failed');
      await posts.defer(attempt, addSeconds(clock.now(), FAILURE_RETRY_SECONDS), 'no');
      return 'failed';
    }
  }

  async function settleEarlier(
    subscription: DigestSubscription,
    attempt: DigestAttempt,
    composed: ComposedDigest,
    earlier: Exclude<EarlierPost, 'not_posted'>,
  ) {
    const how = earlier === 'posted' ? 'found' : 'not_reposted';
    await settle(subscription, attempt, composed, clock.now(), how);

    const fields = { tenant: subscription.tenant, subscription: subscription.id, day: attempt.day };
    if (how === 'found') logger.info(fields, 'digest found posted by an earlier attempt');
    else logger.warn(fields, 'digest maybe posted by a stopped instance, not posted again');
  }

  /** Ends the day for every instance and keeps the ranks shown for the next day's climbers. */
  async function settle(
    subscription: DigestSubscription,
    attempt: DigestAttempt,
    composed: ComposedDigest,
    now: Date,
    how: DigestSettlement,
  ) {
    await posts.markPosted(attempt, now, how);
    await subscriptions.recordPosted(subscription, {
      day: attempt.day,
      postedAt: now,
      snapshot: composed.snapshot,
    });
  }

  async function postIfDue(subscription: DigestSubscription): Promise<void> {
    // Only the latest occurrence counts: after a long outage one late digest, not a flood.
    const now = clock.now();
    const occurrence = latestOccurrence(now, subscription.time, subscription.timeZone);
    if (occurrence.scheduledAt.getTime() < subscription.createdAt.getTime()) return;
    if (subscription.firstDay !== undefined && occurrence.day < subscription.firstDay) return;
    if (subscription.lastDay !== undefined && subscription.lastDay >= occurrence.day) return;

    const attempt = await claimDue(subscription, occurrence);
    if (attempt) await deliver(subscription, attempt);
  }

  return {
    async runDue(keepAlive) {
      for (const subscription of await subscriptions.listActive()) {
        await postIfDue(subscription).catch((error: unknown) => {
          const fields = { tenant: subscription.tenant, subscription: subscription.id };
          logger.error({ ...fields, err: error }, 'digest run failed');
        });
        await keepAlive?.();
      }
    },
  };
}

function toGoneText(subscription: DigestSubscription, outcome: { reason: string }): string {
  return (
    `The daily digest for channel ${subscription.channelId} is turned off: the channel is ` +
    `gone or the app was removed from it (${outcome.reason}). Run “digest subscribe” in a ` +
    'channel the app is in to start again.'
  );
}

/** An attempt that began sending and never settled may have posted: the next one must look. */
function unsureSinceAfter(latest: DigestAttempt | null): { unsureSince?: Date } {
  const since = [latest?.unsureSince, latest?.sendingAt].filter((at): at is Date => !!at);
  if (since.length === 0) return {};
  return { unsureSince: new Date(Math.min(...since.map((at) => at.getTime()))) };
}

function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}
