/**
 * Leaderboard boards and the standings they are computed from. A board is one document per
 * tenant and scope, so that an answer reads a handful of documents by `_id` however many
 * members the tenant has.
 */
import type { Company } from '../core/members/company.js';
import type { LeaderboardRepository } from '../core/leaderboards/ports.js';
import { toScopeKey } from '../core/leaderboards/scope.js';
import type { Board, RecentDays, Standing } from '../core/leaderboards/standings.js';
import { toDocumentId, type Collections, type LeaderboardDocument } from './collections.js';
import { upsertTwice } from './upsert.js';

/** The `_id` part of the document that lists the tenant's company boards. */
const COMPANY_INDEX = 'companies';

export function createLeaderboardRepository(collections: Collections): LeaderboardRepository {
  const { leaderboards, memberScores, members } = collections;

  async function findCompanies(tenant: string): Promise<Company[] | null> {
    const index = await leaderboards.findOne({ _id: toDocumentId(tenant, COMPANY_INDEX) });
    return index ? (index.companies ?? []) : null;
  }

  return {
    async listStandings(tenant) {
      const [scores, people] = await Promise.all([
        memberScores.find({ tenant }, { projection: { member: 1, recent: 1 } }).toArray(),
        members
          .find({ tenant }, { projection: { userId: 1, displayName: 1, company: 1 } })
          .toArray(),
      ]);
      const byUserId = new Map(people.map((person) => [person.userId, person]));

      return scores.map((score): Standing => {
        const person = byUserId.get(score.member);
        return {
          member: score.member,
          displayName: person?.displayName ?? score.member,
          company: person?.company ?? null,
          recent: score.recent ?? {},
        };
      });
    },

    async findRecent(tenant, ids) {
      const found = await Promise.all(
        ids.map((member) =>
          memberScores.findOne(
            { _id: toDocumentId(tenant, member) },
            { projection: { member: 1, recent: 1 } },
          ),
        ),
      );
      const recent = new Map<string, RecentDays>();
      for (const score of found) if (score) recent.set(score.member, score.recent ?? {});
      return recent;
    },

    async findBoard(tenant, scopeKey) {
      const document = await leaderboards.findOne({ _id: toDocumentId(tenant, scopeKey) });
      return document?.board ?? null;
    },

    findCompanies,

    async saveBoards(tenant, boards) {
      const previous = (await findCompanies(tenant)) ?? [];
      await Promise.all(boards.map((board) => saveBoard(collections, tenant, board)));

      const companies = boards.flatMap((board) =>
        board.scope.kind === 'company' ? [{ key: board.scope.key, name: board.scope.name }] : [],
      );
      await upsertTwice(() =>
        leaderboards.replaceOne(
          { _id: toDocumentId(tenant, COMPANY_INDEX) },
          { tenant, companies },
          { upsert: true },
        ),
      );

      const current = new Set(companies.map((company) => company.key));
      const gone = previous.filter((company) => !current.has(company.key));
      if (gone.length === 0) return;
      const ids = gone.map((company) => toDocumentId(tenant, `company:${company.key}`));
      await leaderboards.deleteMany({ _id: { $in: ids } });
    },
  };
}

async function saveBoard(collections: Collections, tenant: string, board: Board) {
  const _id = toDocumentId(tenant, toScopeKey(board.scope));
  const document: Omit<LeaderboardDocument, '_id'> = { tenant, board };
  await upsertTwice(() => collections.leaderboards.replaceOne({ _id }, document, { upsert: true }));
}
