/** Badge awards, progress and featured badges, each found by its `_id`. */
import type { BadgeRepository, MemberLedgerReader } from '../core/badges/ports.js';
import { toDocumentId, type BadgeProgressDocument, type Collections } from './collections.js';
import type { LedgerStore } from './ledger-store.js';
import { insertOnce, upsertTwice } from './upsert.js';

export function createBadgeRepository(collections: Collections): BadgeRepository {
  const { badgeAwards, badgeProgress, featuredBadges } = collections;

  return {
    async findProgress(tenant, member) {
      const document = await badgeProgress.findOne({ _id: toDocumentId(tenant, member) });
      if (!document) return null;
      const { seq, streak, earned, other } = document;
      const measures = { seq, counts: renameKeys(document.counts, ':', '.'), streak };
      return { measures, earned, ...(other ? { other } : {}) };
    },

    async saveProgress(tenant, member, { measures, earned, other }) {
      const _id = toDocumentId(tenant, member);
      const document: BadgeProgressDocument = {
        _id,
        tenant,
        member,
        seq: measures.seq,
        counts: renameKeys(measures.counts, '.', ':'),
        streak: measures.streak,
        earned,
        ...(other ? { other } : {}),
      };
      // A whole snapshot at one ledger position: a write lost to a race leaves an older but
      // consistent snapshot, which the next refresh brings up to the ledger again.
      await upsertTwice(() => badgeProgress.replaceOne({ _id }, document, { upsert: true }));
    },

    async insertAward(award) {
      const _id = toDocumentId(award.tenant, award.member, award.badge, String(award.level));
      return (await insertOnce(() => badgeAwards.insertOne({ _id, ...award })))
        ? 'added'
        : 'duplicate';
    },

    async listAwards(tenant, member) {
      const documents = await badgeAwards.find({ tenant, member }).sort({ earnedAt: -1 }).toArray();
      return documents.map(({ _id, ...award }) => award);
    },

    async findFeatured(tenant, member) {
      const document = await featuredBadges.findOne({ _id: toDocumentId(tenant, member) });
      return document?.badges ?? [];
    },

    async saveFeatured(tenant, member, badges) {
      const _id = toDocumentId(tenant, member);
      const document = { _id, tenant, member, badges };
      await upsertTwice(() => featuredBadges.replaceOne({ _id }, document, { upsert: true }));
    },
  };
}

/** Reads a member's ledger entries one position after another, by `_id`. */
export function createMemberLedgerReader(store: LedgerStore): MemberLedgerReader {
  return {
    async *entriesAfter(tenant, member, seq) {
      for (let next = seq + 1; ; next++) {
        const entry = await store.findEntry(tenant, member, next);
        if (!entry) return;
        yield entry;
      }
    },
  };
}

function renameKeys(counts: Record<string, number>, from: string, to: string) {
  return Object.fromEntries(Object.entries(counts).map(([key, n]) => [key.replace(from, to), n]));
}
