/** Wires the core's use cases to the database adapters. */
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import { defaultCatalog } from './core/catalog/activity-catalog.js';
import { createAdminCommands } from './core/admins/admin-commands.js';
import { createAdminPolicy } from './core/admins/admin-policy.js';
import { createAnswerAdmin } from './core/admins/answer-admin.js';
import { createMemberNotifier } from './core/notifications/member-notifier.js';
import { createSubmitForm } from './core/forms/submit-form.js';
import { createProfileSettings } from './core/profile/profile-settings.js';
import { createProfileSettingsRepository } from './db/profile-settings-repository.js';
import { createPortfolio } from './core/portfolio/portfolio.js';
import { createProjectRepository } from './db/project-repository.js';
import { createActivityFeed } from './core/activity/activity-feed.js';
import { createShowDashboard } from './core/profile/dashboard.js';
import { createRegisterContact } from './core/members/register-contact.js';
import { createLeaderboards } from './core/leaderboards/leaderboards.js';
import { createAnswerCommand } from './core/profile/answer-command.js';
import { createManageDigests } from './core/digests/manage-digests.js';
import { createComposeDigest } from './core/digests/compose-digest.js';
import { createBadgeAwardRepository } from './db/badge-award-repository.js';
import {
  createDigestPostRepository,
  createDigestSubscriptionRepository,
} from './db/digest-repository.js';
import { createAnswerConnectionCommand } from './core/connections/answer-connection-command.js';
import type { OnConnected } from './core/connections/connection.js';
import { createEmailInvitations } from './core/connections/email-invitations.js';
import { createInvitations } from './core/connections/invitations.js';
import {
  createMessengerRegistry,
  type MessengerRegistry,
} from './core/connections/messenger-registry.js';
import { createReferrals, type Referrals } from './core/connections/referrals.js';
import { createShowConnections } from './core/connections/show-connections.js';
import { createScoring } from './core/scoring/record-activity.js';
import { createConfigureSources } from './core/slack-sources/configure-sources.js';
import { createSlackActivity } from './core/slack-sources/record-slack-activity.js';
import type { Clock } from './core/shared/clock.js';
import { createChartImages } from './charts/chart-images.js';
import { createChartImageRepository } from './db/chart-image-repository.js';
import type { Logger } from './core/shared/logger.js';
import { createClaimRepository } from './db/claim-repository.js';
import { createConnectionRepository } from './db/connection-repository.js';
import { createConversationRepository } from './db/conversation-repository.js';
import { createEmailInvitationRepository } from './db/email-invitation-repository.js';
import { createReferralRepository } from './db/referral-repository.js';
import { createSmtpMailer } from './mail/smtp-mailer.js';
import type { Database } from './db/database.js';
import { createFiguresRepository } from './db/figures-repository.js';
import { createLeaderboardRepository } from './db/leaderboard-repository.js';
import { createLedgerRepository } from './db/ledger-repository.js';
import { LedgerStore } from './db/ledger-store.js';
import { createMemberRepository } from './db/member-repository.js';
import { createPendingEventRepository } from './db/pending-event-repository.js';
import { createProfileCounters } from './db/profile-counters.js';
import { createSlackSourceRepository } from './db/slack-source-repository.js';
import { createTenantDirectory } from './db/tenant-directory.js';
import { withScoringMetrics } from './metrics/measured-scoring.js';
import { createMetrics } from './metrics/metrics.js';

import { defaultBadgeCatalog, type BadgeCatalog } from './core/badges/badge-catalog.js';
import { createBadges, type Badges } from './core/badges/badges.js';
import { createShowBadges } from './core/badges/show-badges.js';
import { createBadgeRepository, createMemberLedgerReader } from './db/badge-repository.js';
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

/** Hooks other features plug into, and data the product otherwise takes from its defaults. */
export interface ServiceOptions {
  /** Runs once each time two members connect, after their badges are brought up to date. */
  onConnected?: OnConnected;
  /** Replaces the default badge catalog. */
  badgeCatalog?: BadgeCatalog;
}

export function createServices(
  database: Database,
  config: Config,
  clock: Clock,
  logger: Logger,
  extras: ServiceOptions = {},
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

  // The Slack and Teams adapters register how they reach members and channels as they start.
  const messengers = createMessengerRegistry();
  const notifier = createMemberNotifier(messengers, logger);
  // Scoring calls badges after each entry, and badges are built after scoring.
  let badges: Badges | undefined;
  const metrics = createMetrics();
  // The referrals listen to the scoring they award through, so they are bound after it.
  let referrals: Referrals | undefined;
  const scoring = withScoringMetrics(
    createScoring({
      onPointsApplied: (award) => referrals?.onPointsApplied(award) ?? Promise.resolve(),
      onEntryApplied: async (entry) => {
        await badges?.recordEntry(entry);
      },
      ledger,
      figures,
      claims,
      members,
      pending,
      tenants,
      clock,
      logger,
    }),
    metrics,
  );
  badges = createBadges({
    repository: createBadgeRepository(collections),
    ledger: createMemberLedgerReader(store),
    counters,
    challenges: { completedBy: credits.challengesClaimedBy },
    catalog: extras.badgeCatalog ?? defaultBadgeCatalog,
    notifier,
    clock,
    logger,
  });
  const showBadges = createShowBadges(badges, members);
  const challengeRepository = createChallengeRepository(collections);
  const challenges = createChallenges({
    repository: challengeRepository,
    activity: createWindowActivityCounter(store),
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
    logger,
  });
  const shop = createShop({
    repository: createShopRepository(collections),
    credits,
    poster: messengers,
    newId: () => randomUUID().slice(0, 8),
    clock,
    logger,
  });
  const sources = createSlackSourceRepository(collections);
  const slackActivity = createSlackActivity({ sources, scoring, claims, logger });
  const digestSubscriptions = createDigestSubscriptionRepository(collections);
  const digestPosts = createDigestPostRepository(collections);
  const manageDigests = createManageDigests({
    subscriptions: digestSubscriptions,
    posts: digestPosts,
    admins,
    tenants,
    resolveScope: leaderboards.resolveScope,
    clock,
    logger,
  });
  const chartImageRepository = createChartImageRepository(collections);
  const charts = createChartImages({
    images: chartImageRepository,
    publicBaseUrl: config.publicBaseUrl,
    clock,
    logger,
  });
  const composeDigest = createComposeDigest({
    ranking: leaderboards.ranking,
    badges: createBadgeAwardRepository(collections),
    members,
    charts,
  });
  const connections = createConnectionServices({
    database,
    messengers,
    config,
    members,
    claims,
    scoring,
    clock,
    logger,
    hooks: {
      onConnected: async (tenant, pair) => {
        await Promise.all(pair.map((member) => badges!.refreshBadges(tenant, member)));
        await extras.onConnected?.(tenant, pair);
      },
    },
  });
  referrals = connections.referrals;
  const answerMemberAdmin = createAdminCommands({
    scoring,
    ledger,
    figures,
    members,
    tenants,
    notifier,
    clock,
    logger,
  });
  const settings = createProfileSettingsRepository(collections, clock);
  const profileSettings = createProfileSettings({ settings, members, scoring, clock, logger });
  const portfolio = createPortfolio({
    projects: createProjectRepository(collections),
    members,
    settings,
    isAdmin: (tenant, userId) => admins.isAdmin(tenant, userId),
    clock,
    logger,
  });
  const submitForm = createSubmitForm({ profileSettings, portfolio });
  const showActivity = createActivityFeed({
    ledger,
    badges: createBadgeAwardRepository(collections),
    members,
    settings,
    tenants,
    isAdmin: (tenant, userId) => admins.isAdmin(tenant, userId),
    clock,
  });
  const answerAdmin = createAnswerAdmin({
    admins,
    configureSources: createConfigureSources({ sources, clock, logger }),
    answerMemberAdmin,
    answerCommunityAdmin: (viewer, command) =>
      command.area === 'challenge'
        ? manageChallenges(viewer, command)
        : shop.manageShop(viewer, command),
    logger,
  });
  const answerCommand = createAnswerCommand({
    members,
    figures,
    counters,
    leaderboards,
    answerAdmin,
    manageDigests,
    answerConnectionCommand: connections.answerConnectionCommand,
    admins,
    settings,
    profileSettings,
    portfolio,
    showActivity,
    badges,
    showBadges,
    challenges,
    shop,
    charts,
  });
  const showDashboard = createShowDashboard(answerCommand);

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
    digestSubscriptions,
    digestPosts,
    composeDigest,
    answerCommand,
    chartImages: chartImageRepository,
    metrics,
    slackActivity,
    connections: connections.repository,
    messengers,
    referrals: connections.referrals,
    notifier,
    submitForm,
    showDashboard,
    badges,
    credits,
    challenges,
    shop,
  };
}

interface ConnectionServicesOptions {
  database: Database;
  messengers: MessengerRegistry;
  config: Config;
  members: ReturnType<typeof createMemberRepository>;
  claims: ReturnType<typeof createClaimRepository>;
  scoring: ReturnType<typeof createScoring>;
  clock: Clock;
  logger: Logger;
  hooks: Pick<ServiceOptions, 'onConnected'>;
}

/** Connections, invitations, referrals and e-mail invitations (SPEC §9). */
function createConnectionServices(options: ConnectionServicesOptions) {
  const { database, messengers, config, members, claims, scoring, clock, logger } = options;
  const repository = createConnectionRepository(database.collections);
  const invitations = createInvitations({
    repository,
    members,
    messenger: messengers,
    clock,
    logger,
    ...(options.hooks.onConnected ? { onConnected: options.hooks.onConnected } : {}),
  });
  const referrals = createReferrals({
    repository: createReferralRepository(database.collections),
    members,
    claims,
    scoring,
    clock,
    logger,
    publicBaseUrl: config.publicBaseUrl,
  });
  const inviteByEmail = createEmailInvitations({
    repository: createEmailInvitationRepository(database.collections),
    members,
    referrals,
    scoring,
    mailer: config.mail ? createSmtpMailer(config.mail) : null,
    clock,
    logger,
  });
  const showConnections = createShowConnections({
    repository,
    members,
    toPerson: invitations.toPerson,
  });
  const answerConnectionCommand = createAnswerConnectionCommand({
    invitations,
    showConnections,
    referrals,
    inviteByEmail,
  });
  return { repository, referrals, answerConnectionCommand };
}
