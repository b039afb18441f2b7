/**
 * Digest subscriptions, one document per channel, and the attempts and posted markers of each
 * day's digest. Attempts and markers are only ever inserted, so that a unique `_id` decides
 * between instances; only an attempt's owner moves its retry time.
 */
import type {
  DigestAttempt,
  DigestDay,
  DigestPostRepository,
  DigestSubscription,
  DigestSubscriptionRepository,
} from '../core/digests/digest-subscription.js';
import {
  toDocumentId,
  type Collections,
  type DigestPostDocument,
  type DigestSubscriptionDocument,
} from './collections.js';
import { insertOnce, upsertTwice } from './upsert.js';

const POSTED = 'posted';

export function createDigestSubscriptionRepository(
  collections: Collections,
): DigestSubscriptionRepository {
  const { digestSubscriptions } = collections;

  return {
    async save(subscription) {
      const { id, ...fields } = subscription;
      await upsertTwice(() =>
        digestSubscriptions.replaceOne({ _id: id }, fields, { upsert: true }),
      );
    },

    async find(tenant, channelId) {
      const document = await digestSubscriptions.findOne({ _id: toDocumentId(tenant, channelId) });
      return document && toSubscription(document);
    },

    async remove(tenant, channelId) {
      const result = await digestSubscriptions.deleteOne({ _id: toDocumentId(tenant, channelId) });
      return result.deletedCount > 0;
    },

    async listByTenant(tenant) {
      const documents = await digestSubscriptions.find({ tenant }).sort({ _id: 1 }).toArray();
      return documents.map(toSubscription);
    },

    async listActive() {
      const documents = await digestSubscriptions.find({ active: true }).sort({ _id: 1 }).toArray();
      return documents.map(toSubscription);
    },

    async recordPosted({ id, createdAt }, posted) {
      // A post that settles after the channel re-subscribed belongs to the replaced revision.
      await digestSubscriptions.updateOne(
        { _id: id, createdAt },
        { $set: { lastDay: posted.day, lastPostedAt: posted.postedAt, snapshot: posted.snapshot } },
      );
    },

    async disable(id, reason) {
      await digestSubscriptions.updateOne(
        { _id: id },
        { $set: { active: false, disabledReason: reason } },
      );
    },
  };
}

export function createDigestPostRepository(collections: Collections): DigestPostRepository {
  const { digestPosts } = collections;
  const keyOf = (day: DigestDay, part: string | number) =>
    `digest|${day.subscriptionId}|${day.revision}|${day.day}|${part}`;

  return {
    async isPosted(day) {
      return (await digestPosts.findOne({ _id: keyOf(day, POSTED) })) !== null;
    },

    async latestAttempt(day) {
      // Attempts are numbered from 1 without gaps; each is read by its `_id`.
      let latest: DigestPostDocument | null = null;
      for (let attempt = 1; ; attempt++) {
        const found = await digestPosts.findOne({ _id: keyOf(day, attempt) });
        if (!found) return latest && toAttempt(latest);
        latest = found;
      }
    },

    async claim(attempt) {
      const _id = keyOf(attempt, attempt.attempt);
      return insertOnce(() => digestPosts.insertOne({ _id, ...attempt }));
    },

    async markSending(attempt, sendingAt) {
      const _id = keyOf(attempt, attempt.attempt);
      await digestPosts.updateOne({ _id, owner: attempt.owner }, { $set: { sendingAt } });
    },

    async defer(attempt, retryAt, sent) {
      const _id = keyOf(attempt, attempt.attempt);
      const update =
        sent === 'no'
          ? { $set: { retryAt }, $unset: { sendingAt: '' as const } }
          : { $set: { retryAt } };
      await digestPosts.updateOne({ _id, owner: attempt.owner }, update);
    },

    async markPosted(day, postedAt, how = 'posted') {
      const { subscriptionId, revision } = day;
      const marker = { _id: keyOf(day, POSTED), subscriptionId, revision, day: day.day };
      await insertOnce(() => digestPosts.insertOne({ ...marker, postedAt, how }));
    },
  };
}

function toSubscription(document: DigestSubscriptionDocument): DigestSubscription {
  const { _id, ...fields } = document;
  return { id: _id, ...fields };
}

function toAttempt(document: DigestPostDocument): DigestAttempt {
  return {
    subscriptionId: document.subscriptionId,
    revision: document.revision ?? '',
    day: document.day,
    attempt: document.attempt ?? 1,
    owner: document.owner ?? '',
    claimedAt: document.claimedAt ?? new Date(0),
    retryAt: document.retryAt ?? new Date(0),
    late: document.late ?? false,
    ...(document.sendingAt ? { sendingAt: document.sendingAt } : {}),
    ...(document.unsureSince ? { unsureSince: document.unsureSince } : {}),
  };
}
