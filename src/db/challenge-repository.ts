/** Challenges and their tenant settings, and activity counts inside a challenge window. */
import { toCountChange } from '../core/badges/badge-progress.js';
import type { ChallengeRepository, WindowActivityCounter } from '../core/challenges/ports.js';
import { isDuplicateKeyError, toDocumentId, type Collections } from './collections.js';
import { upsertTwice } from './upsert.js';

export function createChallengeRepository(collections: Collections): ChallengeRepository {
  const { challenges, challengeSettings, claims } = collections;

  return {
    async list(tenant) {
      const documents = await challenges.find({ tenant }).sort({ end: 1, _id: 1 }).toArray();
      return documents.map(({ _id, ...challenge }) => challenge);
    },

    async find(tenant, id) {
      const document = await challenges.findOne({ _id: toDocumentId(tenant, id) });
      if (!document) return null;
      const { _id, ...challenge } = document;
      return challenge;
    },

    async add(challenge) {
      try {
        await challenges.insertOne({
          _id: toDocumentId(challenge.tenant, challenge.id),
          ...challenge,
        });
        return 'added';
      } catch (error) {
        if (isDuplicateKeyError(error)) return 'duplicate';
        throw error;
      }
    },

    async remove(tenant, id) {
      const removed = await challenges.deleteOne({ _id: toDocumentId(tenant, id) });
      return removed.deletedCount > 0;
    },

    async claimDefaults(tenant) {
      try {
        const _id = toDocumentId(tenant, 'default-challenges');
        await claims.insertOne({ _id, owner: tenant, claimedAt: new Date() });
        return true;
      } catch (error) {
        if (isDuplicateKeyError(error)) return false;
        throw error;
      }
    },

    async findGraceDays(tenant) {
      return (await challengeSettings.findOne({ _id: tenant }))?.graceDays ?? null;
    },

    async saveGraceDays(tenant, graceDays) {
      const document = { _id: tenant, tenant, graceDays };
      await upsertTwice(() =>
        challengeSettings.replaceOne({ _id: tenant }, document, { upsert: true }),
      );
    },
  };
}

export function createWindowActivityCounter(collections: Collections): WindowActivityCounter {
  return {
    async countInWindow(tenant, member, activities, window) {
      const entries = await collections.ledger
        .find(
          {
            tenant,
            member,
            activity: { $in: activities },
            occurredAt: { $gte: window.start, $lt: window.end },
          },
          { projection: { activity: 1, kind: 1, limitedBy: 1 } },
        )
        .toArray();
      const counts: Record<string, number> = {};
      for (const entry of entries) {
        const key = entry.activity!;
        counts[key] = Math.max(0, (counts[key] ?? 0) + toCountChange(entry));
      }
      return counts;
    },
  };
}
