/** Wires the core's use cases to the database adapters. */
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { defaultCatalog } from './core/catalog/activity-catalog.js';
import { createAdminPolicy } from './core/admins/admin-policy.js';
import { createRegisterContact } from './core/members/register-contact.js';
import { createLeaderboards } from './core/leaderboards/leaderboards.js';
import { createAnswerCommand } from './core/profile/answer-command.js';
import { createScoring } from './core/scoring/record-activity.js';
import type { Clock } from './core/shared/clock.js';
import type { Logger } from './core/shared/logger.js';
import { createClaimRepository } from './db/claim-repository.js';
import { createConversationRepository } from './db/conversation-repository.js';
import type { Database } from './db/database.js';
import { createFiguresRepository } from './db/figures-repository.js';
import { createLeaderboardRepository } from './db/leaderboard-repository.js';
import { createLedgerRepository } from './db/ledger-repository.js';
import { LedgerStore } from './db/ledger-store.js';
import { createMemberRepository } from './db/member-repository.js';
import { createPendingEventRepository } from './db/pending-event-repository.js';
import { createProfileCounters } from './db/profile-counters.js';
import { createTenantDirectory } from './db/tenant-directory.js';
import { defaultBadgeCatalog, type BadgeCatalog } from './core/badges/badge-catalog.js';
import { createBadges, type Badges } from './core/badges/badges.js';
import { createShowBadges } from './core/badges/show-badges.js';
import { createBadgeRepository, createMemberLedgerReader } from './db/badge-repository.js';
import { createDirectMessageRouter } from './chat/direct-messages.js';
import { createChallenges } from './core/challenges/challenges.js';
import { createManageChallenges } from './core/challenges/manage-challenges.js';
import { createCredits } from './core/credits/credit-ledger.js';
import {
  createChallengeRepository,
  createWindowActivityCounter,
} from './db/challenge-repository.js';
import { createCreditLedgerRepository } from './db/credit-ledger-repository.js';
import { createShop } from './core/shop/shop.js';
import { createShopRepository } from './db/shop-repository.js';

export type Services = ReturnType<typeof createServices>;

/** Data the product normally takes from its defaults, replaceable for tests and tenants. */
export interface ServiceOverrides {
  badgeCatalog?: BadgeCatalog;
}

export function createServices(
  database: Database,
  config: Config,
  clock: Clock,
  logger: Logger,
  overrides: ServiceOverrides = {},
) {
  const { collections } = database;
  const store = new LedgerStore(collections);
  const ledger = createLedgerRepository(collections, store);
  const figures = createFiguresRepository(collections, store);
  const claims = createClaimRepository(collections, clock);
  const members = createMemberRepository(collections);
  const pending = createPendingEventRepository(collections);
  const credits = createCredits({
    repository: createCreditLedgerRepository(collections),
    clock,
    logger,
  });
  const counters = createProfileCounters(collections, { creditsOf: credits.balanceOf });
  const conversations = createConversationRepository(collections);
  const tenants = createTenantDirectory(collections, {
    defaultTimeZone: config.defaultTimeZone,
    overrides: config.activityOverrides,
    baseCatalog: defaultCatalog,
    clock,
  });

  const directMessages = createDirectMessageRouter(logger);
  // Scoring calls badges after each entry, and badges are built after scoring.
  let badges: Badges | undefined;
  const scoring = createScoring({
    ledger,
    figures,
    claims,
    members,
    pending,
    tenants,
    clock,
    logger,
    onEntryApplied: async (entry) => {
      await badges?.recordEntry(entry);
    },
  });
  badges = createBadges({
    repository: createBadgeRepository(collections),
    ledger: createMemberLedgerReader(store),
    counters,
    challenges: { completedBy: credits.challengesClaimedBy },
    catalog: overrides.badgeCatalog ?? defaultBadgeCatalog,
    messenger: directMessages,
    clock,
    logger,
  });
  const showBadges = createShowBadges(badges, members);
  const challengeRepository = createChallengeRepository(collections);
  const challenges = createChallenges({
    repository: challengeRepository,
    activity: createWindowActivityCounter(collections),
    credits,
    tenants,
    defaultGraceDays: config.challengeGraceDays,
    onClaimed: async (tenant, member) => {
      await badges?.refreshBadges(tenant, member);
    },
    clock,
    logger,
  });
  const registerContact = createRegisterContact({ members, claims, scoring, clock, logger });
  const leaderboards = createLeaderboards({
    repository: createLeaderboardRepository(collections),
    members,
    tenants,
    clock,
    logger,
  });
  const admins = createAdminPolicy({ configured: config.admins, members });
  const manageChallenges = createManageChallenges({
    repository: challengeRepository,
    challenges,
    tenants,
    admins,
    logger,
  });
  const shop = createShop({
    repository: createShopRepository(collections),
    credits,
    admins,
    poster: directMessages,
    newId: () => randomUUID().slice(0, 8),
    clock,
    logger,
  });
  const answerCommand = createAnswerCommand({
    members,
    figures,
    counters,
    leaderboards,
    badges,
    showBadges,
    challenges,
    manageChallenges,
    shop,
  });

  return {
    ledger,
    figures,
    claims,
    members,
    pending,
    tenants,
    conversations,
    scoring,
    registerContact,
    leaderboards,
    admins,
    answerCommand,
    badges,
    credits,
    challenges,
    shop,
    directMessages,
  };
}
