/**
 * Ranking members by the points they earned in the last 30 days (SPEC §10), from the recent
 * daily sums each member's stored figures carry. Pure: storage and time come from the caller.
 */
import { CATEGORIES, type Category } from '../catalog/activity-catalog.js';
import type { Company } from '../members/company.js';
import type { CategoryPoints } from '../scoring/member-figures.js';
import { addDays } from '../shared/calendar.js';
import { toScopeKey, type LeaderboardScope } from './scope.js';

/** Days in a leaderboard window, today included. */
export const WINDOW_DAYS = 30;

/** Entries a stored board keeps in order; answers re-read these and show the top ten. */
export const BOARD_CANDIDATES = 50;

/** Rows a leaderboard shows. */
export const TOP_ROWS = 10;

/** Points of one day, as a member's stored figures keep them. */
export interface RecentDay {
  points: number;
  categories: CategoryPoints;
}

/** How many members have a score (an object, as the embedded database stores no nested arrays). */
export interface ScoreCount {
  points: number;
  members: number;
}

/** A member's recent days, keyed YYYY-MM-DD. */
export type RecentDays = Record<string, RecentDay>;

/** What the ranking knows of one member. */
export interface Standing {
  member: string;
  displayName: string;
  company: Company | null;
  recent: RecentDays;
}

/** One member on a board. */
export interface BoardEntry {
  member: string;
  displayName: string;
  points: number;
}

/**
 * A leaderboard as computed for one day: the leading entries in order, and how many members
 * have each score, which is all a member's rank needs.
 */
export interface Board {
  scope: LeaderboardScope;
  /** The day the window ends on (tenant time zone). */
  day: string;
  computedAt: Date;
  top: BoardEntry[];
  /** How many members have each score, most points first; only members with points. */
  histogram: ScoreCount[];
}

/** The first and last day of the window ending on `today`. */
export function toWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -(WINDOW_DAYS - 1)), to: today };
}

/** The member's points in the window ending on `today`, for the scope's category if it has one. */
export function pointsInWindow(recent: RecentDays, today: string, category?: Category): number {
  const { from, to } = toWindow(today);
  let sum = 0;
  for (const [day, figures] of Object.entries(recent)) {
    if (day < from || day > to) continue;
    sum += category ? (figures.categories[category] ?? 0) : figures.points;
  }
  return sum;
}

/** The points a standing counts for in a scope. */
export function pointsForScope(standing: Standing, scope: LeaderboardScope, today: string) {
  if (scope.kind === 'company' && standing.company?.key !== scope.key) return 0;
  return pointsInWindow(standing.recent, today, categoryOf(scope));
}

/** Every board of a tenant: everyone, each category, and each company with points. */
export function computeBoards(standings: Standing[], today: string, computedAt: Date): Board[] {
  const scopes: LeaderboardScope[] = [
    { kind: 'all' },
    ...CATEGORIES.map((category) => ({ kind: 'category' as const, category })),
    ...companiesOf(standings),
  ];
  const byCompany = groupByCompany(standings);

  return scopes
    .map((scope) => {
      const members = scope.kind === 'company' ? (byCompany.get(scope.key) ?? []) : standings;
      return computeBoard(members, scope, today, computedAt);
    })
    .filter((board) => board.scope.kind !== 'company' || board.top.length > 0);
}

function computeBoard(
  standings: Standing[],
  scope: LeaderboardScope,
  today: string,
  computedAt: Date,
): Board {
  const entries = standings
    .map((standing) => ({
      member: standing.member,
      displayName: standing.displayName,
      points: pointsForScope(standing, scope, today),
    }))
    .filter((entry) => entry.points > 0)
    .sort(compareEntries);

  return {
    scope,
    day: today,
    computedAt,
    top: entries.slice(0, BOARD_CANDIDATES),
    histogram: toHistogram(entries.map((entry) => entry.points)),
  };
}

/** Most points first; equal points by name, so that the order is stable. */
export function compareEntries(a: BoardEntry, b: BoardEntry): number {
  return b.points - a.points || a.displayName.localeCompare(b.displayName);
}

/** Counts of each score, highest first, from scores in descending order. */
function toHistogram(descending: number[]): ScoreCount[] {
  const histogram: ScoreCount[] = [];
  for (const points of descending) {
    const last = histogram.at(-1);
    if (last && last.points === points) last.members += 1;
    else histogram.push({ points, members: 1 });
  }
  return histogram;
}

/** How many members on the board have more than `points`. */
export function countAbove(histogram: ScoreCount[], points: number): number {
  let count = 0;
  for (const score of histogram) {
    if (score.points <= points) break;
    count += score.members;
  }
  return count;
}

/** Entries in order with ranks where ties share a rank: 1, 2, 2, 4. */
export function withSharedRanks<T extends { points: number }>(
  sorted: T[],
): (T & { rank: number })[] {
  return sorted.map((entry, index) => {
    const firstEqual = sorted.findIndex((other) => other.points === entry.points);
    return { ...entry, rank: Math.min(firstEqual, index) + 1 };
  });
}

function categoryOf(scope: LeaderboardScope): Category | undefined {
  return scope.kind === 'category' ? scope.category : undefined;
}

function companiesOf(standings: Standing[]): LeaderboardScope[] {
  const companies = new Map<string, string>();
  for (const { company } of standings) {
    if (company && !companies.has(company.key)) companies.set(company.key, company.name);
  }
  return [...companies].map(([key, name]) => ({ kind: 'company', key, name }));
}

function groupByCompany(standings: Standing[]): Map<string, Standing[]> {
  const groups = new Map<string, Standing[]>();
  for (const standing of standings) {
    if (!standing.company) continue;
    const group = groups.get(standing.company.key) ?? [];
    group.push(standing);
    groups.set(standing.company.key, group);
  }
  return groups;
}

/** The stored key of a board. */
export function boardKey(board: Pick<Board, 'scope'>): string {
  return toScopeKey(board.scope);
}
