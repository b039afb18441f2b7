/**
 * Posts the digests that are due, exactly once per subscription and local day, however many
 * app instances run this at the same moment. The decision to post is an insert of the day's
 * next attempt number into a unique key: only one instance gets it. The attempt carries a
 * retry time: a crash before the post leaves it to expire and be taken over, a rate limit moves
 * it to the platform's Retry-After, and a posted marker ends the day for everyone.
 */
import type { Logger } from '../shared/logger.js';
import type { ComposedDigest } from './compose-digest.js';
import { latestOccurrence, type DigestOccurrence } from './digest-schedule.js';
import type {
  DigestAttempt,
  DigestChannels,
  DigestPostRepository,
  DigestSubscription,
  DigestSubscriptionRepository,
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
  logger: Logger;
}

export interface PostDigests {
  /** Posts every digest due at `now`; a failing subscription does not stop the others. */
  runDue(now: Date): Promise<void>;
}

export function createPostDigests(options: PostDigestsOptions): PostDigests {
  const { subscriptions, posts, channels, owner } = options;
  const logger = options.logger.child({ module: 'digests' });

  /** Claims the day's next attempt when the day is still open and no one else holds it. */
  async function claimDue(
    subscription: DigestSubscription,
    occurrence: DigestOccurrence,
    now: Date,
  ): Promise<DigestAttempt | null> {
    const { id } = subscription;
    if (await posts.isPosted(id, occurrence.day)) return null;

    const latest = await posts.latestAttempt(id, occurrence.day);
    if (latest && latest.retryAt.getTime() > now.getTime()) return null;

    const lateness = now.getTime() - occurrence.scheduledAt.getTime();
    const attempt: DigestAttempt = {
      subscriptionId: id,
      day: occurrence.day,
      attempt: (latest?.attempt ?? 0) + 1,
      owner,
      claimedAt: now,
      retryAt: addSeconds(now, ATTEMPT_LEASE_SECONDS),
      late: latest?.late ?? lateness > LATE_AFTER_MINUTES * 60_000,
    };
    if (!(await posts.claim(attempt))) return null;

    // The previous owner may have posted between the first check and the claim.
    return (await posts.isPosted(id, occurrence.day)) ? null : attempt;
  }

  async function deliver(subscription: DigestSubscription, attempt: DigestAttempt, now: Date) {
    const fields = { tenant: subscription.tenant, subscription: subscription.id, day: attempt.day };
    const composed = await options.compose(subscription, attempt, now);

    const outcome = await channels.post(subscription, composed.view).catch((error: unknown) => {
      logger.error({ ...fields, err: error }, 'digest post failed');
      return { kind: 'retry' as const, afterSeconds: FAILURE_RETRY_SECONDS, reason: 'error' };
    });

    switch (outcome.kind) {
      case 'posted':
        await posts.markPosted(subscription.id, attempt.day, now);
        await subscriptions.recordPosted(subscription.id, {
          day: attempt.day,
          postedAt: now,
          snapshot: composed.snapshot,
        });
        logger.info({ ...fields, late: attempt.late, attempt: attempt.attempt }, 'digest posted');
        return;
      case 'retry':
        await posts.defer(attempt, addSeconds(now, outcome.afterSeconds));
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

  async function postIfDue(subscription: DigestSubscription, now: Date): Promise<void> {
    // Only the latest occurrence counts: after a long outage one late digest, not a flood.
    const occurrence = latestOccurrence(now, subscription.time, subscription.timeZone);
    if (occurrence.scheduledAt.getTime() < subscription.createdAt.getTime()) return;
    if (subscription.lastDay !== undefined && subscription.lastDay >= occurrence.day) return;

    const attempt = await claimDue(subscription, occurrence, now);
    if (attempt) await deliver(subscription, attempt, now);
  }

  return {
    async runDue(now) {
      for (const subscription of await subscriptions.listActive()) {
        await postIfDue(subscription, now).catch((error: unknown) => {
          const fields = { tenant: subscription.tenant, subscription: subscription.id };
          logger.error({ ...fields, err: error }, 'digest run failed');
        });
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

function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}
