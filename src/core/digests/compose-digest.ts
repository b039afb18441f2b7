/** Builds a channel's digest: the leaders, who climbed since the last digest, new badges. */
import type { LeaderboardScope } from '../leaderboards/scope.js';
import { toScopeLabel } from '../leaderboards/scope.js';
import { toWindow, TOP_ROWS } from '../leaderboards/standings.js';
import type { MemberRepository } from '../members/ports.js';
import type {
  BadgeAwardRepository,
  DigestSubscription,
  RankSnapshotEntry,
} from './digest-subscription.js';
import type { ChartImages } from '../charts/bar-chart.js';
import type { DigestBadge, DigestClimber, DigestView } from './digest-view.js';

/** Climbers and badges a digest lists at most. */
const MAX_CLIMBERS = 3;
const MAX_BADGES = 10;

/** Badges of the day before count on a subscription's first digest. */
const FIRST_DIGEST_BADGE_HOURS = 24;

/** The ranked leaders of a scope, as the leaderboards compute them. */
export interface RankedEntry {
  member: string;
  displayName: string;
  points: number;
  rank: number;
}

export interface ComposeDigestOptions {
  ranking(
    tenant: string,
    scope: LeaderboardScope,
  ): Promise<{ day: string; entries: RankedEntry[] }>;
  badges: BadgeAwardRepository;
  members: Pick<MemberRepository, 'findByUserId'>;
  /** Publishes the leaders as a chart image; without it digests are text only. */
  charts?: ChartImages;
}

/** A digest and the ranks to remember for the next one. */
export interface ComposedDigest {
  view: DigestView;
  snapshot: RankSnapshotEntry[];
}

export function createComposeDigest(options: ComposeDigestOptions) {
  async function badgesSince(subscription: DigestSubscription, now: Date): Promise<DigestBadge[]> {
    const since =
      subscription.lastPostedAt ?? new Date(now.getTime() - FIRST_DIGEST_BADGE_HOURS * 3_600_000);
    const awards = await options.badges.listEarned(subscription.tenant, since, now, MAX_BADGES);
    return Promise.all(
      awards.map(async (award) => {
        const member = await options.members.findByUserId(subscription.tenant, award.member);
        return {
          displayName: member?.displayName ?? award.member,
          badgeName: award.badgeName,
          level: award.level,
          rarity: award.rarity,
        };
      }),
    );
  }

  async function publishLeadersChart(tenant: string, view: DigestView): Promise<string | null> {
    if (!options.charts || view.rows.length === 0) return null;
    const bars = view.rows.map((row) => ({
      label: `${row.rank}. ${row.displayName}`,
      value: row.points,
    }));
    return options.charts.publish(tenant, {
      kind: 'digest',
      title: `Leaders: ${view.title}`,
      bars,
    });
  }

  return async (
    subscription: DigestSubscription,
    occurrence: { day: string; late: boolean },
    now: Date,
  ): Promise<ComposedDigest> => {
    const { day, entries } = await options.ranking(subscription.tenant, subscription.scope);
    const badges = await badgesSince(subscription, now);
    const view: DigestView = {
      kind: 'digest',
      title: toScopeLabel(subscription.scope),
      day: occurrence.day,
      late: occurrence.late,
      window: toWindow(day),
      rows: entries
        .filter((entry) => entry.rank <= TOP_ROWS)
        .slice(0, TOP_ROWS)
        .map(({ rank, displayName, points }) => ({ rank, displayName, points })),
      climbers: toClimbers(entries, subscription.snapshot ?? []),
      badges,
    };
    view.chartUrl = await publishLeadersChart(subscription.tenant, view);
    const snapshot = entries.map(({ member, rank, points }) => ({ member, rank, points }));
    return { view, snapshot };
  };
}

/**
 * Members ranked better than in the previous digest, those who climbed most first; a member
 * new to the ranking climbed from just below the last one ranked then. The first digest has
 * no previous ranks, so no climbers.
 */
export function toClimbers(entries: RankedEntry[], previous: RankSnapshotEntry[]): DigestClimber[] {
  if (previous.length === 0) return [];
  const before = new Map(previous.map((entry) => [entry.member, entry.rank]));
  const belowAll = Math.max(...previous.map((entry) => entry.rank)) + 1;

  return entries
    .flatMap((entry) => {
      const from = before.get(entry.member) ?? null;
      const climbed = (from ?? belowAll) - entry.rank;
      return climbed > 0 ? [{ displayName: entry.displayName, from, to: entry.rank, climbed }] : [];
    })
    .sort((a, b) => b.climbed - a.climbed || a.to - b.to)
    .slice(0, MAX_CLIMBERS)
    .map(({ displayName, from, to }) => ({ displayName, from, to }));
}
