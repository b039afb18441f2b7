/** Badges: progress kept from the ledger, levels earned once, featured badges (SPEC §7). */
import type { ProfileCounters } from '../profile/ports.js';
import type { LedgerEntry } from '../scoring/ledger-entry.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { BadgeCatalog, BadgeDefinition } from './badge-catalog.js';
import {
  emptyMeasures,
  foldEntry,
  toMeasureValue,
  toReachedLevel,
  type LedgerMeasures,
  type OtherMeasures,
} from './badge-progress.js';
import type { MemberNotifier } from '../notifications/member-notifier.js';
import type { FeaturedBadge } from './badge-view.js';
import type {
  BadgeAward,
  BadgeRepository,
  CompletedChallengeCounter,
  MemberLedgerReader,
  StoredBadgeProgress,
} from './ports.js';

/** At most this many badges are featured in the header. */
export const MAX_FEATURED = 4;

export interface BadgesOptions {
  repository: BadgeRepository;
  ledger: MemberLedgerReader;
  counters: Pick<ProfileCounters, 'connectionsOf'>;
  challenges: CompletedChallengeCounter;
  catalog: BadgeCatalog;
  /** Tells a member of a new badge level directly. */
  notifier: Pick<MemberNotifier, 'notify'>;
  clock: Clock;
  logger: Logger;
}

/** A member's badges as they stand: measures, values and earned levels. */
export interface BadgeStanding {
  values: Map<string, number>;
  earned: Record<string, number>;
}

/** Outcome of featuring or unfeaturing: the new list, or why nothing changed. */
export type FeatureOutcome =
  { ok: true; featured: string[]; badge: BadgeDefinition } | { ok: false; problem: string };

export function createBadges(options: BadgesOptions) {
  const { repository, ledger, counters, challenges, catalog, notifier, clock } = options;
  const logger = options.logger.child({ module: 'badges' });

  async function catchUp(tenant: string, member: string, from: LedgerMeasures) {
    let measures = from;
    for await (const entry of ledger.entriesAfter(tenant, member, measures.seq)) {
      measures = foldEntry(measures, entry);
    }
    return measures;
  }

  async function otherMeasures(tenant: string, member: string): Promise<OtherMeasures> {
    const [connections, completed] = await Promise.all([
      counters.connectionsOf(tenant, member),
      challenges.completedBy(tenant, member),
    ]);
    return { connections, challenges: completed };
  }

  /**
   * Brings the member's progress up to the ledger and records every level reached and not
   * recorded yet; returns the levels this call recorded. Safe to call at any time, from any
   * process: a level is recorded by a unique insert, so it is earned and announced once.
   */
  async function refreshBadges(tenant: string, member: string): Promise<BadgeStanding> {
    const stored = (await repository.findProgress(tenant, member)) ?? emptyProgress();
    const measures = await catchUp(tenant, member, stored.measures);
    return evaluate(tenant, member, measures, stored.earned, await otherMeasures(tenant, member));
  }

  /**
   * Folds in an entry just appended: the hot path of scoring, so it reads only the stored
   * progress when it is one entry behind, and takes connections and challenges as stored
   * (their own changes call refreshBadges).
   */
  async function recordEntry(entry: LedgerEntry): Promise<BadgeStanding> {
    const { tenant, member } = entry;
    const stored = (await repository.findProgress(tenant, member)) ?? emptyProgress();
    const measures =
      stored.measures.seq === entry.seq - 1
        ? foldEntry(stored.measures, entry)
        : await catchUp(tenant, member, stored.measures);
    const other = stored.other ?? (await otherMeasures(tenant, member));
    return evaluate(tenant, member, measures, stored.earned, other);
  }

  async function evaluate(
    tenant: string,
    member: string,
    measures: LedgerMeasures,
    known: Record<string, number>,
    other: OtherMeasures,
  ): Promise<BadgeStanding> {
    const earned = { ...known };
    const values = new Map<string, number>();
    const added: BadgeAward[] = [];
    for (const badge of catalog.badges) {
      const value = toMeasureValue(badge.measure, measures, other);
      values.set(badge.key, value);
      const reached = toReachedLevel(badge, value);
      for (let level = (earned[badge.key] ?? 0) + 1; level <= reached; level++) {
        const award = toAward(tenant, member, badge, level);
        if ((await repository.insertAward(award)) === 'added') added.push(award);
      }
      earned[badge.key] = Math.max(earned[badge.key] ?? 0, reached);
    }
    await repository.saveProgress(tenant, member, { measures, earned, other });
    for (const award of added) await announce(award);
    return { values, earned };
  }

  function toAward(tenant: string, member: string, badge: BadgeDefinition, level: number) {
    const { rarity } = badge.levels[level - 1]!;
    const earnedAt = clock.now();
    return { tenant, member, badge: badge.key, badgeName: badge.name, level, rarity, earnedAt };
  }

  async function announce(award: BadgeAward): Promise<void> {
    const { tenant, member, badge, level } = award;
    logger.info({ tenant, member, badge, level }, 'badge earned');
    // The award stands whatever the message does: the notifier logs a failure and goes on.
    await notifier.notify(tenant, member, {
      kind: 'notice',
      message: toAnnouncement(award),
      actions: [],
    });
  }

  /** Recomputes a member's progress from the whole ledger and records what is missing. */
  async function rebuildBadges(tenant: string, member: string): Promise<BadgeStanding> {
    const measures = await catchUp(tenant, member, emptyMeasures());
    const earned: Record<string, number> = {};
    for (const award of await repository.listAwards(tenant, member)) {
      earned[award.badge] = Math.max(earned[award.badge] ?? 0, award.level);
    }
    return evaluate(tenant, member, measures, earned, await otherMeasures(tenant, member));
  }

  async function feature(tenant: string, member: string, key: string): Promise<FeatureOutcome> {
    const badge = catalog.get(key);
    if (!badge) return { ok: false, problem: unknownBadge(key) };
    const { earned } = await refreshBadges(tenant, member);
    if (!earned[key]) return { ok: false, problem: `You have not earned “${badge.name}” yet.` };

    const featured = await repository.findFeatured(tenant, member);
    if (featured.includes(key))
      return { ok: false, problem: `“${badge.name}” is featured already.` };
    if (featured.length >= MAX_FEATURED) {
      return {
        ok: false,
        problem: `You can feature at most ${MAX_FEATURED} badges; remove one first.`,
      };
    }
    const next = [...featured, key];
    await repository.saveFeatured(tenant, member, next);
    logger.info({ tenant, member, badge: key }, 'badge featured');
    return { ok: true, featured: next, badge };
  }

  async function unfeature(tenant: string, member: string, key: string): Promise<FeatureOutcome> {
    const badge = catalog.get(key);
    if (!badge) return { ok: false, problem: unknownBadge(key) };
    const featured = await repository.findFeatured(tenant, member);
    if (!featured.includes(key)) return { ok: false, problem: `“${badge.name}” is not featured.` };

    const next = featured.filter((featuredKey) => featuredKey !== key);
    await repository.saveFeatured(tenant, member, next);
    logger.info({ tenant, member, badge: key }, 'badge unfeatured');
    return { ok: true, featured: next, badge };
  }

  /** The featured badges with their earned level, for the profile header. */
  async function featuredOf(tenant: string, member: string): Promise<FeaturedBadge[]> {
    const [keys, progress] = await Promise.all([
      repository.findFeatured(tenant, member),
      repository.findProgress(tenant, member),
    ]);
    return toFeatured(keys, progress?.earned ?? {});
  }

  function toFeatured(keys: string[], earned: Record<string, number>): FeaturedBadge[] {
    return keys.flatMap((key) => {
      const badge = catalog.get(key);
      const level = earned[key] ?? 0;
      if (!badge || level === 0) return [];
      return [{ key, name: badge.name, level, rarity: badge.levels[level - 1]!.rarity }];
    });
  }

  return {
    catalog,
    refreshBadges,
    recordEntry,
    rebuildBadges,
    feature,
    unfeature,
    featuredOf,
    toFeatured,
  };
}

export type Badges = ReturnType<typeof createBadges>;

function emptyProgress(): StoredBadgeProgress {
  return { measures: emptyMeasures(), earned: {} };
}

function unknownBadge(key: string): string {
  const shown = Array.from(key).slice(0, 40).join('');
  return `There is no badge “${shown}”. Type “badges” to see yours.`;
}

/** The direct message that tells a member about a level earned. */
export function toAnnouncement(award: Pick<BadgeAward, 'badgeName' | 'level' | 'rarity'>) {
  return `You earned the badge ${award.badgeName}, level ${award.level} (${award.rarity}).`;
}
