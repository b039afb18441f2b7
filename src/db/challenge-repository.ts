/** Challenges and their tenant settings, and activity counts inside a challenge window. */
import { toCountChange } from '../core/badges/badge-progress.js';
import type { ChallengeRepository, WindowActivityCounter } from '../core/challenges/ports.js';
import { toDocumentId, type Collections } from './collections.js';
import type { LedgerStore } from './ledger-store.js';
import { insertOnce, upsertTwice } from './upsert.js';

/** The claim that says a tenant was given its default challenges. */
const DEFAULTS_MARK = 'default-challenges';

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
      const _id = toDocumentId(challenge.tenant, challenge.id);
      const added = await insertOnce(() => challenges.insertOne({ _id, ...challenge }));
      return added ? 'added' : 'duplicate';
    },

    async remove(tenant, id) {
      const removed = await challenges.deleteOne({ _id: toDocumentId(tenant, id) });
      return removed.deletedCount > 0;
    },

    async hasDefaults(tenant) {
      return (await claims.findOne({ _id: toDocumentId(tenant, DEFAULTS_MARK) })) !== null;
    },

    async markDefaults(tenant) {
      const _id = toDocumentId(tenant, DEFAULTS_MARK);
      await insertOnce(() => claims.insertOne({ _id, owner: tenant, claimedAt: new Date() }));
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

/**
 * Counts a member's activities inside a window by walking the member's ledger from the newest
 * entry back until entries were recorded before the window opened: an event is recorded only
 * after it occurs, so nothing older can fall inside the window.
 */
export function createWindowActivityCounter(store: LedgerStore): WindowActivityCounter {
  return {
    async countInWindow(tenant, member, activities, window) {
      const counts: Record<string, number> = {};
      for await (const entry of store.entriesNewestFirst(tenant, member)) {
        if (entry.recordedAt < window.start) break;
        const inWindow = entry.occurredAt >= window.start && entry.occurredAt < window.end;
        if (!inWindow || !entry.activity || !activities.includes(entry.activity)) continue;
        counts[entry.activity] = (counts[entry.activity] ?? 0) + toCountChange(entry);
      }
      // Walking back meets a reversal before the entry it reverses; clamp once at the end.
      for (const key of Object.keys(counts)) counts[key] = Math.max(0, counts[key]!);
      return counts;
    },
  };
}
