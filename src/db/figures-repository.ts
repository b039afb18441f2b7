/**
 * Stored figures derived from the ledger: member totals and daily sums.
 *
 * They are written from the figures a ledger entry carries, after the entry. Two processes may
 * write them at once, and on the embedded database a late write can overwrite a newer one, so
 * each writer looks again afterwards and writes once more while the ledger has moved on.
 */
import type { RecentDays } from '../core/leaderboards/standings.js';
import type { LedgerEntry } from '../core/scoring/ledger-entry.js';
import { addDays } from '../core/shared/calendar.js';
import type { DayFigures } from '../core/scoring/member-figures.js';
import type {
  DailyPoints,
  FiguresRepository,
  LedgerSums,
  MemberTotals,
} from '../core/scoring/ports.js';
import {
  toDocumentId,
  type Collections,
  type DailyPointsDocument,
  type MemberScoreDocument,
} from './collections.js';
import type { Collection, Filter, UpdateFilter, WithoutId } from 'mongodb';
import type { LedgerStore } from './ledger-store.js';
import { upsertTwice } from './upsert.js';

/** Days before a member's latest day that a rebuild keeps with the member's totals. */
const RECENT_DAYS = 40;

/** Writes a rebuild keeps under way at once. */
const REBUILD_WORKERS = 8;

export function createFiguresRepository(
  collections: Collections,
  store: LedgerStore,
): FiguresRepository {
  /** Writes the totals, and every day changed after `sinceSeq`, from the entry's figures. */
  async function writeFrom(entry: LedgerEntry, sinceSeq: number): Promise<void> {
    const changedDays = Object.entries(entry.figures.days).filter(
      ([, day]) => day.lastSeq > sinceSeq,
    );
    // Days first: stored totals at an entry then imply its days are stored too.
    await Promise.all(changedDays.map(([day, figures]) => writeDay(entry, day, figures)));
    await writeTotals(entry);
  }

  async function writeDay(entry: LedgerEntry, day: string, figures: DayFigures) {
    const _id = toDocumentId(entry.tenant, entry.member, day);
    const { points, categories, lastSeq } = figures;
    const document = {
      tenant: entry.tenant,
      member: entry.member,
      day,
      points,
      categories,
      lastSeq,
    };
    await upsertById(collections.dailyPoints, _id, document);
  }

  async function writeTotals(entry: LedgerEntry) {
    const _id = toDocumentId(entry.tenant, entry.member);
    const { total, categories, adjustments } = entry.figures;
    const document = { tenant: entry.tenant, member: entry.member, seq: entry.seq };
    const recent = toRecentDays(Object.entries(entry.figures.days));
    const totals = { ...document, total, categories, adjustments, recent };
    await upsertById(collections.memberScores, _id, totals);
    store.notePublished(entry.tenant, entry.member, entry.seq);
  }

  /** Writes again from the newest entry for as long as entries appear after what was written. */
  async function settle(written: LedgerEntry): Promise<void> {
    let current = written;
    for (;;) {
      const next = await store.findEntry(current.tenant, current.member, current.seq + 1);
      if (!next) return;
      const newest = (await store.findNewestFrom(next.tenant, next.member, next.seq)) ?? next;
      await writeFrom(newest, current.seq - 1);
      current = newest;
    }
  }

  return {
    async publish(entry) {
      const storedSeq = await store.publishedSeq(entry.tenant, entry.member);
      // A stored position more than one behind means an earlier entry was never published.
      await writeFrom(entry, Math.min(storedSeq, entry.seq - 1));
      await settle(entry);
    },

    async repair(tenant, member) {
      const storedSeq = await store.newestHint(tenant, member);
      const newest = await store.findNewestFrom(tenant, member, storedSeq);
      if (!newest || newest.seq === storedSeq) return;

      await writeFrom(newest, storedSeq);
      await settle(newest);
    },

    async findTotals(tenant, member) {
      const document = await collections.memberScores.findOne({
        _id: toDocumentId(tenant, member),
      });
      return document ? toMemberTotals(document) : null;
    },

    async replaceAll(tenant, sums) {
      const daysByMember = groupByMember(sums.days);
      await replaceTenantDocuments(
        collections.memberScores,
        tenant,
        sums.totals.map((totals) => ({
          _id: toDocumentId(tenant, totals.member),
          tenant,
          ...totals,
          recent: recentOf(daysByMember.get(totals.member) ?? []),
        })),
      );
      await replaceTenantDocuments(
        collections.dailyPoints,
        tenant,
        sums.days.map((day) => ({
          _id: toDocumentId(tenant, day.member, day.day),
          tenant,
          ...day,
        })),
      );
    },

    async listAll(tenant): Promise<LedgerSums> {
      const totals = await collections.memberScores.find({ tenant }).toArray();
      const days = await collections.dailyPoints.find({ tenant }).toArray();
      return {
        totals: totals.map(toMemberTotals).sort((a, b) => a.member.localeCompare(b.member)),
        days: days
          .map(toDailyPoints)
          .sort((a, b) => a.member.localeCompare(b.member) || a.day.localeCompare(b.day)),
      };
    },
  };
}

/**
 * Sets the document, found by `_id` alone: the embedded database looks up nothing else without
 * reading the whole collection. A write that lands after a newer one is put right by its
 * writer's settling pass, which runs after every write.
 */
async function upsertById<T extends { _id: string }>(
  collection: Collection<T>,
  _id: string,
  fields: Omit<T, '_id'>,
): Promise<void> {
  await upsertTwice(() =>
    collection.updateOne({ _id } as Filter<T>, { $set: fields } as unknown as UpdateFilter<T>, {
      upsert: true,
    }),
  );
}

async function replaceTenantDocuments<T extends { _id: string; tenant: string }>(
  collection: Collection<T>,
  tenant: string,
  documents: T[],
): Promise<void> {
  // One write at a time per worker: the embedded database can stall on an unordered bulk write
  // of upserts over existing documents.
  let next = 0;
  const worker = async () => {
    while (next < documents.length) {
      const document = documents[next++]!;
      const { _id, ...fields } = document;
      await upsertTwice(() =>
        collection.replaceOne({ _id } as Filter<T>, fields as WithoutId<T>, { upsert: true }),
      );
    }
  };
  await Promise.all(Array.from({ length: REBUILD_WORKERS }, worker));

  const keep = new Set(documents.map((document) => document._id));
  const stored = await collection
    .find({ tenant } as Filter<T>, { projection: { _id: 1 } })
    .toArray();
  const extra = stored.map((document) => document._id).filter((id) => !keep.has(id));
  if (extra.length > 0) await collection.deleteMany({ _id: { $in: extra } } as Filter<T>);
}

/** Points by day, as leaderboards read them from a member's totals. */
function toRecentDays(days: [string, Pick<DayFigures, 'points' | 'categories'>][]): RecentDays {
  return Object.fromEntries(
    days.map(([day, figures]) => [day, { points: figures.points, categories: figures.categories }]),
  );
}

/** The days a member's newest entry would carry: those near the member's latest day. */
function recentOf(days: DailyPoints[]): RecentDays {
  const latest = days.reduce((newest, day) => (day.day > newest ? day.day : newest), '');
  const from = latest === '' ? '' : addDays(latest, -RECENT_DAYS);
  return toRecentDays(days.filter((day) => day.day >= from).map((day) => [day.day, day]));
}

function groupByMember(days: DailyPoints[]): Map<string, DailyPoints[]> {
  const groups = new Map<string, DailyPoints[]>();
  for (const day of days) {
    const group = groups.get(day.member);
    if (group) group.push(day);
    else groups.set(day.member, [day]);
  }
  return groups;
}

function toMemberTotals(document: MemberScoreDocument): MemberTotals {
  const { member, total, categories, adjustments, seq } = document;
  return { member, total, categories, adjustments, seq };
}

function toDailyPoints(document: DailyPointsDocument): DailyPoints {
  const { member, day, points, categories, lastSeq } = document;
  return { member, day, points, categories, lastSeq };
}
