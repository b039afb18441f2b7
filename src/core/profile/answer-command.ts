/** Answers a parsed command with a view model; both chat platforms render the result. */
import type { AnswerAdmin } from '../admins/answer-admin.js';
import type { AdminPolicy } from '../admins/admin-policy.js';
import type { Portfolio } from '../portfolio/portfolio.js';
import type { ShowActivity } from '../activity/activity-feed.js';
import type { PortfolioCommand } from '../commands/portfolio-grammar.js';
import type { ProfileSettingsUseCases } from './profile-settings.js';
import type { ProfileSettingsRepository } from './settings-ports.js';
import { CATEGORIES, CATEGORY_LABELS } from '../catalog/activity-catalog.js';
import { COMMAND_HELP, parseCommand, type Command } from '../commands/grammar.js';
import type { ManageDigests } from '../digests/manage-digests.js';
import type { AnswerConnectionCommand } from '../connections/answer-connection-command.js';
import type { Leaderboards } from '../leaderboards/leaderboards.js';
import type { MemberRepository } from '../members/ports.js';
import { toLevelProgress } from '../scoring/levels.js';
import type { FiguresRepository, MemberTotals } from '../scoring/ports.js';
import type { Badges } from '../badges/badges.js';
import type { createShowBadges } from '../badges/show-badges.js';
import type { BadgesRequestCommand } from '../commands/badges-grammar.js';
import type { Challenges } from '../challenges/challenges.js';
import type { Shop } from '../shop/shop.js';
import type { ProfileCounters } from './ports.js';
import type { ChartImages } from '../charts/bar-chart.js';
import type { CategoryBar, CommandAction, ProfileSubject, View } from './profile-view.js';

const SHOW_PROFILE: CommandAction = { label: 'My profile', command: 'profile' };
const SHOW_STATS: CommandAction = { label: 'My points by category', command: 'stats' };
const SHOW_BADGES: CommandAction = { label: 'My badges', command: 'badges' };
const SHOW_CHALLENGES: CommandAction = { label: 'Challenges', command: 'challenges' };
const SHOW_LEADERBOARD: CommandAction = { label: 'Leaderboard', command: 'leaderboard' };
const OPEN_SETTINGS: CommandAction = { label: 'Settings', command: 'settings' };
const OWN_VIEWS = [SHOW_PROFILE, SHOW_STATS, SHOW_LEADERBOARD];

export interface AnswerCommandOptions {
  members: MemberRepository;
  figures: FiguresRepository;
  counters: ProfileCounters;
  leaderboards: Pick<Leaderboards, 'show' | 'positionOf'>;
  answerAdmin: AnswerAdmin;
  /** Digest subscriptions; without it the digest commands say they are not available. */
  manageDigests?: ManageDigests;
  answerConnectionCommand: AnswerConnectionCommand;
  admins: Pick<AdminPolicy, 'isAdmin'>;
  settings: ProfileSettingsRepository;
  profileSettings: Pick<ProfileSettingsUseCases, 'open'>;
  portfolio: Portfolio;
  showActivity: ShowActivity;
  badges: Pick<Badges, 'feature' | 'unfeature' | 'featuredOf'>;
  showBadges: ReturnType<typeof createShowBadges>;
  challenges: Pick<Challenges, 'showChallenges' | 'claimCredits' | 'assignedChallenge'>;
  shop: Pick<Shop, 'showShop' | 'orderItem'>;
  /** Publishes the stats chart image; without it stats are text only. */
  charts?: ChartImages;
}

/** Who asks, in which tenant. */
export interface Viewer {
  tenant: string;
  userId: string;
  /** The channel the command was typed in; null or absent in a direct chat. */
  channelId?: string | null;
}

/** Parses the command text and answers it. */
export type AnswerCommand = (viewer: Viewer, text: string) => Promise<View>;

export function createAnswerCommand(options: AnswerCommandOptions): AnswerCommand {
  const { members, figures, counters, leaderboards, manageDigests } = options;
  const { badges, showBadges, challenges, shop } = options;

  async function answer(viewer: Viewer, command: Command): Promise<View> {
    switch (command.name) {
      case 'help':
        return { kind: 'help', commands: [...COMMAND_HELP], actions: OWN_VIEWS };
      case 'profile':
      case 'stats':
        return showProfile(viewer, command.subject ?? viewer.userId, command.name);
      case 'leaderboard':
        return leaderboards.show(viewer, command.scope);
      case 'admin':
        return options.answerAdmin(viewer, command.admin);
      case 'digest':
        if (!manageDigests) return { kind: 'failure', message: 'Digests are not available here.' };
        return manageDigests({ ...viewer, channelId: viewer.channelId ?? null }, command);
      case 'connect':
      case 'accept':
      case 'ignore':
      case 'connections':
      case 'referral':
      case 'joined':
      case 'invite':
        return options.answerConnectionCommand(viewer, command);
      case 'settings':
        return options.profileSettings.open(viewer);
      case 'portfolio':
        return answerPortfolio(viewer, command.portfolio);
      case 'activity':
        return options.showActivity(viewer, command.subject ?? viewer.userId);
      case 'badges':
        return answerBadges(viewer, command);
      case 'challenges':
        return command.claim === null
          ? challenges.showChallenges(viewer.tenant, viewer.userId)
          : challenges.claimCredits(viewer.tenant, viewer.userId, command.claim);
      case 'shop':
        return command.order === null
          ? shop.showShop(viewer.tenant, viewer.userId)
          : shop.orderItem(viewer.tenant, viewer.userId, command.order, command.seen);
    }
  }

  async function answerBadges(viewer: Viewer, command: BadgesRequestCommand): Promise<View> {
    const { tenant, userId } = viewer;
    if (command.action === 'show') {
      const subject = command.subject ?? userId;
      return showBadges({ tenant, viewer: userId, subject, page: command.page });
    }
    const change = command.action === 'feature' ? badges.feature : badges.unfeature;
    const outcome = await change(tenant, userId, command.badge);
    const message = outcome.ok
      ? `${command.action === 'feature' ? 'Featured' : 'Removed from featured'}: ` +
        `${outcome.badge.name}.`
      : outcome.problem;
    return showBadges({ tenant, viewer: userId, subject: userId, page: 1, message });
  }

  async function showProfile(
    viewer: Viewer,
    userId: string,
    kind: 'profile' | 'stats',
  ): Promise<View> {
    const member = await members.findByUserId(viewer.tenant, userId);
    if (!member) return { kind: 'no_profile', userId };
    const displayName = member.displayName ?? userId;
    const stored = await options.settings.find(viewer.tenant, userId);
    const isPrivate = stored?.private ?? (await options.settings.isPrivate(viewer.tenant, userId));
    if (isPrivate && !(await maySeePrivate(viewer, userId))) {
      return { kind: 'private_profile', userId, displayName };
    }

    const totals = (await figures.findTotals(viewer.tenant, userId)) ?? noTotals(userId);
    const subject: ProfileSubject = {
      userId,
      displayName,
      company: member.company?.name ?? null,
      isViewer: userId === viewer.userId,
    };
    const shared = {
      subject,
      points: totals.total,
      level: toLevelProgress(totals.total),
      categories: toCategoryBars(totals),
    };
    if (kind === 'stats') {
      const actions = subject.isViewer ? [SHOW_PROFILE] : [];
      const chartUrl = await publishStatsChart(viewer.tenant, displayName, shared.categories);
      return { kind, ...shared, adjustments: totals.adjustments, chartUrl, actions };
    }

    const [credits, connections, position, featuredBadges, assignedChallenge] = await Promise.all([
      counters.creditsOf(viewer.tenant, userId),
      counters.connectionsOf(viewer.tenant, userId),
      leaderboards.positionOf(viewer.tenant, userId),
      badges.featuredOf(viewer.tenant, userId),
      subject.isViewer ? challenges.assignedChallenge(viewer.tenant, userId) : null,
    ]);
    const actions = subject.isViewer
      ? [SHOW_STATS, SHOW_BADGES, SHOW_CHALLENGES, SHOW_LEADERBOARD, OPEN_SETTINGS]
      : [];
    return {
      kind,
      ...shared,
      credits,
      connections,
      position,
      featuredBadges,
      assignedChallenge,
      info: stored?.info ?? null,
      isPrivate,
      actions,
    };
  }

  function answerPortfolio(viewer: Viewer, command: PortfolioCommand): Promise<View> {
    const { portfolio } = options;
    switch (command.action) {
      case 'list':
        return portfolio.list(viewer, command.owner ?? viewer.userId);
      case 'show':
        return portfolio.show(viewer, command.owner ?? viewer.userId, command.id);
      case 'add':
        return portfolio.edit(viewer, null);
      case 'edit':
        return portfolio.edit(viewer, command.id);
    }
  }

  async function publishStatsChart(
    tenant: string,
    displayName: string,
    categories: CategoryBar[],
  ): Promise<string | null> {
    if (!options.charts) return null;
    const bars = categories.map((bar) => ({ label: bar.label, value: bar.points }));
    return options.charts.publish(tenant, {
      kind: 'stats',
      title: `Points by category: ${displayName}`,
      bars,
    });
  }

  async function maySeePrivate(viewer: Viewer, userId: string): Promise<boolean> {
    return userId === viewer.userId || options.admins.isAdmin(viewer.tenant, viewer.userId);
  }

  return async (viewer, text) => {
    const parsed = parseCommand(text);
    if (!parsed.ok) {
      return {
        kind: 'usage',
        problem: parsed.problem,
        commands: [...COMMAND_HELP],
        actions: OWN_VIEWS,
      };
    }
    return answer(viewer, parsed.command);
  };
}

/** Bars for every category, scaled to the largest so that the biggest bar is full. */
export function toCategoryBars(totals: Pick<MemberTotals, 'categories'>): CategoryBar[] {
  const points = CATEGORIES.map((category) => totals.categories[category] ?? 0);
  const largest = Math.max(1, ...points);
  return CATEGORIES.map((category, index) => ({
    category,
    label: CATEGORY_LABELS[category],
    points: points[index]!,
    share: Math.max(0, points[index]!) / largest,
  }));
}

function noTotals(member: string): MemberTotals {
  return { member, total: 0, categories: {}, adjustments: 0, seq: 0 };
}
