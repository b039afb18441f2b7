/**
 * Leaderboards for the last 30 days (SPEC §10). Boards are computed in the background from
 * every member's recent daily sums; an answer re-reads the leading members and the viewer, so
 * the points it shows are current, and ranks the viewer against the stored board.
 */
import type { Company } from '../members/company.js';
import type { Member } from '../members/member.js';
import type { MemberRepository } from '../members/ports.js';
import type { CommandAction, View } from '../profile/profile-view.js';
import type { Clock } from '../shared/clock.js';
import { toLocalDay } from '../shared/calendar.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import type { LeaderboardPosition, LeaderboardRow } from './leaderboard-view.js';
import type { LeaderboardRepository } from './ports.js';
import { toScopeKey, toScopeLabel, type LeaderboardScope, type ScopeRequest } from './scope.js';
import {
  compareEntries,
  computeBoards,
  countAbove,
  pointsForScope,
  toWindow,
  TOP_ROWS,
  withSharedRanks,
  type Board,
  type BoardEntry,
  type Standing,
} from './standings.js';

export interface LeaderboardsOptions {
  repository: LeaderboardRepository;
  members: MemberRepository;
  tenants: TenantDirectory;
  clock: Clock;
  logger: Logger;
}

export type Leaderboards = ReturnType<typeof createLeaderboards>;

const SCOPE_ACTIONS: CommandAction[] = [
  { label: 'Everyone', command: 'leaderboard' },
  { label: 'My company', command: 'leaderboard company' },
];

export function createLeaderboards(options: LeaderboardsOptions) {
  const { repository, members, tenants, clock } = options;
  const logger = options.logger.child({ module: 'leaderboards' });
  const refreshing = new Map<string, Promise<void>>();

  async function today(tenant: string): Promise<string> {
    const settings = await tenants.get(tenant);
    return toLocalDay(clock.now(), settings.timeZone);
  }

  /** Recomputes and stores every board of the tenant; one run at a time per tenant. */
  function refresh(tenant: string): Promise<void> {
    const running = refreshing.get(tenant);
    if (running) return running;

    const run = (async () => {
      const started = Date.now();
      const standings = await repository.listStandings(tenant);
      const boards = computeBoards(standings, await today(tenant), clock.now());
      await repository.saveBoards(tenant, boards);
      const fields = { tenant, members: standings.length, boards: boards.length };
      logger.info({ ...fields, ms: Date.now() - started }, 'leaderboards refreshed');
    })().finally(() => refreshing.delete(tenant));
    refreshing.set(tenant, run);
    return run;
  }

  /** The stored board, computing the tenant's boards first when none were ever stored. */
  async function boardOf(tenant: string, scope: LeaderboardScope): Promise<Board | null> {
    const key = toScopeKey(scope);
    const board = await repository.findBoard(tenant, key);
    if (board || (await repository.findCompanies(tenant)) !== null) return board;

    await refresh(tenant);
    return repository.findBoard(tenant, key);
  }

  async function resolveScope(
    tenant: string,
    userId: string,
    request: ScopeRequest,
  ): Promise<LeaderboardScope | { problem: string }> {
    if (request.kind !== 'company') return request;

    if (request.name === null) {
      const member = await members.findByUserId(tenant, userId);
      if (member?.company) return { kind: 'company', ...member.company };
      return { problem: 'Your profile has no company. Name one: “leaderboard company <name>”.' };
    }
    if ((await repository.findCompanies(tenant)) === null) await refresh(tenant);
    const company = findCompany((await repository.findCompanies(tenant)) ?? [], request.name);
    if (company) return { kind: 'company', ...company };
    return { problem: `No one at “${request.name}” has points in the last 30 days.` };
  }

  /** Leading rows with current points, and the viewer's place. */
  async function rank(tenant: string, userId: string, scope: LeaderboardScope) {
    const [board, day, viewer] = await Promise.all([
      boardOf(tenant, scope),
      today(tenant),
      members.findByUserId(tenant, userId),
    ]);
    const standings = await currentStandings(tenant, board, viewer);

    const current: BoardEntry[] = standings
      .map((standing) => ({
        member: standing.member,
        displayName: standing.displayName,
        points: pointsForScope(standing, scope, day),
      }))
      .filter((entry) => entry.points > 0)
      .sort(compareEntries);
    const ranked = withSharedRanks(current);
    const viewerEntry = ranked.find((entry) => entry.member === userId) ?? null;

    const position = viewerEntry && {
      points: viewerEntry.points,
      rank: Math.max(viewerEntry.rank, placeOnBoard(board, userId, viewerEntry.points)),
    };
    return { board, day, ranked, position };
  }

  /** The board's leaders and the viewer with the points they have now. */
  async function currentStandings(
    tenant: string,
    board: Board | null,
    viewer: Member | null,
  ): Promise<Standing[]> {
    const leaders = board?.top ?? [];
    const boardCompany = board?.scope.kind === 'company' ? board.scope : null;
    const ids = [...new Set([...leaders.map((entry) => entry.member), viewer?.userId ?? ''])];
    const recent = await repository.findRecent(tenant, ids.filter(Boolean));

    const standings: Standing[] = leaders
      .filter((entry) => entry.member !== viewer?.userId)
      .map((entry) => ({
        member: entry.member,
        displayName: entry.displayName,
        company: boardCompany,
        recent: recent.get(entry.member) ?? {},
      }));
    if (viewer) {
      standings.push({
        member: viewer.userId,
        displayName: viewer.displayName ?? viewer.userId,
        company: viewer.company,
        recent: recent.get(viewer.userId) ?? {},
      });
    }
    return standings;
  }

  async function show(
    viewer: { tenant: string; userId: string },
    request: ScopeRequest,
  ): Promise<View> {
    const scope = await resolveScope(viewer.tenant, viewer.userId, request);
    if ('problem' in scope)
      return { kind: 'notice', message: scope.problem, actions: SCOPE_ACTIONS };

    const { board, day, ranked, position } = await rank(viewer.tenant, viewer.userId, scope);
    const rows: LeaderboardRow[] = ranked
      .filter((entry) => entry.rank <= TOP_ROWS)
      .slice(0, TOP_ROWS)
      .map((entry) => ({
        rank: entry.rank,
        displayName: entry.displayName,
        points: entry.points,
        isViewer: entry.member === viewer.userId,
      }));
    const viewerShown = rows.some((row) => row.isViewer);

    return {
      kind: 'leaderboard',
      title: toScopeLabel(scope),
      window: toWindow(day),
      rows,
      viewer: viewerShown ? null : position,
      minutesSinceUpdate: minutesSince(board?.computedAt ?? clock.now(), clock.now()),
      actions: SCOPE_ACTIONS,
    };
  }

  /** The member's place among everyone, or null without points in the window. */
  async function positionOf(tenant: string, userId: string): Promise<LeaderboardPosition | null> {
    return (await rank(tenant, userId, { kind: 'all' })).position;
  }

  /**
   * Refreshes every tenant's boards, one tenant after another; a failure skips one tenant.
   * `keepAlive` is called after each tenant.
   */
  async function refreshAll(keepAlive?: () => Promise<void>): Promise<void> {
    for (const tenant of await tenants.listIds()) {
      await refresh(tenant).catch((error: unknown) => {
        logger.error({ tenant, err: error }, 'leaderboard refresh failed');
      });
      await keepAlive?.();
    }
  }

  /** The ranked leaders of a scope with current points, for digests; no viewer. */
  async function ranking(tenant: string, scope: LeaderboardScope) {
    const { day, ranked } = await rank(tenant, '', scope);
    return { day, entries: ranked };
  }

  return { refresh, refreshAll, show, positionOf, resolveScope, ranking };
}

/**
 * The rank `points` would have on the stored board: one more than the members above it. The
 * member's own stored entry is left out when it is one of the leaders, so that points earned
 * since the board was computed do not rank the member below their former self.
 */
function placeOnBoard(board: Board | null, userId: string, points: number): number {
  if (!board) return 1;
  const stored = board.top.find((entry) => entry.member === userId);
  const selfAbove = stored && stored.points > points ? 1 : 0;
  return 1 + Math.max(0, countAbove(board.histogram, points) - selfAbove);
}

function minutesSince(then: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - then.getTime()) / 60_000));
}

function findCompany(companies: Company[], typed: string): Company | null {
  const wanted = typed.trim().toLowerCase();
  return (
    companies.find((company) => company.key === wanted || company.name.toLowerCase() === wanted) ??
    companies.find((company) => company.key.split('.')[0] === wanted) ??
    null
  );
}
