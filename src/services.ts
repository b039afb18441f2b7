/** Wires the core's use cases to the database adapters. */
import type { Config } from './config.js';
import { defaultCatalog } from './core/catalog/activity-catalog.js';
import { createAdminCommands } from './core/admins/admin-commands.js';
import { createAdminPolicy } from './core/admins/admin-policy.js';
import { createMemberNotifier } from './core/notifications/member-notifier.js';
import { createSubmitForm } from './core/forms/submit-form.js';
import { createProfileSettings } from './core/profile/profile-settings.js';
import { createProfileSettingsRepository } from './db/profile-settings-repository.js';
import { createPortfolio } from './core/portfolio/portfolio.js';
import { createProjectRepository } from './db/project-repository.js';
import { createActivityFeed } from './core/activity/activity-feed.js';
import { createShowDashboard } from './core/profile/dashboard.js';
import { createBadgeAwardReader } from './db/badge-award-reader.js';
import { createPersonalChatRepository } from './db/personal-chat-repository.js';
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

export type Services = ReturnType<typeof createServices>;

export function createServices(database: Database, config: Config, clock: Clock, logger: Logger) {
  const { collections } = database;
  const store = new LedgerStore(collections);
  const ledger = createLedgerRepository(collections, store);
  const figures = createFiguresRepository(collections, store);
  const claims = createClaimRepository(collections, clock);
  const members = createMemberRepository(collections);
  const pending = createPendingEventRepository(collections);
  const counters = createProfileCounters(collections);
  const conversations = createConversationRepository(collections);
  const personalChats = createPersonalChatRepository(database.db);
  const tenants = createTenantDirectory(collections, {
    defaultTimeZone: config.defaultTimeZone,
    overrides: config.activityOverrides,
    baseCatalog: defaultCatalog,
    clock,
  });

  const scoring = createScoring({
    ledger,
    figures,
    claims,
    members,
    pending,
    tenants,
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
  const notifier = createMemberNotifier();
  const answerAdmin = createAdminCommands({
    admins,
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
    badges: createBadgeAwardReader(database.db),
    members,
    settings,
    tenants,
    isAdmin: (tenant, userId) => admins.isAdmin(tenant, userId),
    clock,
  });
  const answerCommand = createAnswerCommand({
    members,
    figures,
    counters,
    leaderboards,
    answerAdmin,
    admins,
    settings,
    profileSettings,
    portfolio,
    showActivity,
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
    personalChats,
    scoring,
    registerContact,
    leaderboards,
    admins,
    notifier,
    answerCommand,
    submitForm,
    showDashboard,
  };
}
