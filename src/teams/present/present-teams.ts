/** Renders view models as Adaptive Cards (schema 1.5, which Teams shows on desktop and mobile). */
import type {
  CategoryBar,
  CommandAction,
  HelpView,
  ProfileView,
  StatsView,
  View,
} from '../../core/profile/profile-view.js';
import { presentAdminLedgerBody } from './present-admin.js';
import { presentFormCard } from './present-form.js';
import { presentPortfolioBody, presentProjectBody } from './present-portfolio.js';
import { NO_ACTIVITY_TEXT, toActivityLine, toActivityTitle } from '../../present/activity-text.js';
import type { PersonalInfo } from '../../core/profile/personal-info.js';
import {
  PRIVATE_NOTE,
  toPersonalInfoFacts,
  toPrivateProfileText,
} from '../../present/personal-info-text.js';
import type { LeaderboardView } from '../../core/leaderboards/leaderboard-view.js';
import type { LevelProgress } from '../../core/scoring/levels.js';
import {
  formatNumber,
  formatSigned,
  NO_POINTS_TEXT,
  toBarText,
  toCategorySummary,
  toFreshnessText,
  toLeaderboardSummary,
  toNextLevelText,
  toPositionText,
  toProfileSummary,
  toWindowText,
} from '../../present/text.js';
import { presentConnectionCard } from './present-connections.js';
import { RARITY_SYMBOLS, toBadgesSummary, toFeaturedText } from '../../present/badge-text.js';
import { presentBadgesBody } from './present-badges.js';
import { presentChallengesBody } from './present-challenges.js';
import { presentShopBody } from './present-shop.js';
import { toOrderPostText } from '../../present/shop-text.js';
import { toAssignedChallengeText } from '../../present/challenge-text.js';
import { toCategoryChartAltText } from '../../present/chart-text.js';

export const CARD_VERSION = '1.5';

/** An Adaptive Card and the plain text shown in notifications and to screen readers. */
export interface TeamsMessage {
  text: string;
  card: AdaptiveCard;
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardElement[];
  actions?: CardAction[];
}

export type CardElement = Record<string, unknown> & { type: string };

/**
 * A button; its data comes back as the activity's value (Action.Submit) or in an invoke
 * (Action.Execute, answered with a card in place), a command like a typed one.
 */
export interface CardAction {
  type: 'Action.Submit' | 'Action.Execute';
  title: string;
  verb?: string;
  style?: 'positive' | 'destructive';
  data: { command: string; subject?: string } | Record<string, string>;
}

export function presentTeamsMessage(view: View): TeamsMessage {
  switch (view.kind) {
    case 'profile':
      return presentProfile(view);
    case 'stats':
      return presentStats(view);
    case 'help':
      return presentHelp(view, null);
    case 'usage':
      return presentHelp(view, view.problem);
    case 'leaderboard':
      return presentLeaderboard(view);
    case 'form': {
      const { body, actions } = presentFormCard(view, toCardText);
      return { text: view.title, card: { ...toCard(body, []), actions } };
    }
    case 'private_profile':
      return plain(toCardText(toPrivateProfileText(view.displayName)));
    case 'portfolio':
      return {
        text: `Portfolio of ${view.owner.displayName}: ${view.projects.length} project(s)`,
        card: toCard(presentPortfolioBody(view, toCardText), view.actions),
      };
    case 'activity': {
      const lines: CardElement[] = view.items.map((item) => ({
        type: 'TextBlock',
        text: toCardText(toActivityLine(item)),
        wrap: true,
        spacing: 'Small',
        ...(item.kind === 'badge' ? { weight: 'Bolder' } : {}),
      }));
      const empty = { type: 'TextBlock', text: NO_ACTIVITY_TEXT, wrap: true };
      return {
        text: `${toActivityTitle(view)}: ${view.items.length} event(s)`,
        card: toCard(
          [heading(toCardText(toActivityTitle(view))), ...(lines.length > 0 ? lines : [empty])],
          view.actions,
        ),
      };
    }
    case 'project':
      return {
        text: `${view.content.appName}, by ${view.owner.displayName}`,
        card: toCard(presentProjectBody(view, toCardText), view.actions),
      };
    case 'admin_ledger': {
      const { text, body } = presentAdminLedgerBody(view, toCardText);
      return { text, card: toCard(body, view.actions) };
    }
    case 'badges':
      return { text: toBadgesSummary(view), card: toCard(presentBadgesBody(view), view.actions) };
    case 'challenges':
      return {
        text: view.message ?? 'Challenges',
        card: toCard(presentChallengesBody(view), view.actions),
      };
    case 'shop':
      return { text: view.message ?? 'Shop', card: toCard(presentShopBody(view), view.actions) };
    case 'shop_order': {
      const text = toOrderPostText(view, `member ${view.member}`);
      return {
        text,
        card: toCard([{ type: 'TextBlock', text: toCardText(text), wrap: true }], []),
      };
    }
    case 'notice':
      return {
        text: view.message,
        card: toCard(
          [{ type: 'TextBlock', text: toCardText(view.message), wrap: true }],
          view.actions,
        ),
      };
    case 'no_profile':
      return plain('This member has no profile yet.');
    case 'failure':
      return plain(view.message);
    case 'connections':
    case 'invitation':
    case 'referral':
    case 'email_invitation':
      return presentConnectionCard(view);
  }
}

function presentProfile(view: ProfileView): TeamsMessage {
  const { subject, level } = view;
  const subtitle = subject.company ? toCardText(subject.company) : 'Community member';
  const body: CardElement[] = [
    heading(toCardText(subject.displayName)),
    { type: 'TextBlock', text: subtitle, isSubtle: true, spacing: 'None', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Points', value: formatNumber(view.points) },
        { title: 'Level', value: String(level.level) },
        { title: 'Credits', value: formatNumber(view.credits) },
        { title: 'Connections', value: formatNumber(view.connections) },
        {
          title: 'Leaderboard, 30 days',
          value: view.position ? toPositionText(view.position) : 'No points in 30 days',
        },
      ],
    },
    ...personalInfo(view.info ?? null, view.isPrivate === true),
    {
      type: 'TextBlock',
      text: `Featured badges: ${toFeaturedText(view.featuredBadges, RARITY_SYMBOLS)}`,
      wrap: true,
    },
    ...(subject.isViewer
      ? [
          subheading('Challenge'),
          {
            type: 'TextBlock',
            text: toCardText(toAssignedChallengeText(view.assignedChallenge)),
            wrap: true,
          },
        ]
      : []),
    subheading('Next level'),
    monospace(nextLevelLine(level)),
    subheading('Points by category'),
    ...categoryBars(view.categories),
  ];
  return { text: toProfileSummary(view), card: toCard(body, view.actions) };
}

/** The personal-info card: the bio, then each filled-in field. */
function personalInfo(info: PersonalInfo | null, isPrivate: boolean): CardElement[] {
  const elements: CardElement[] = [];
  if (isPrivate) {
    elements.push({ type: 'TextBlock', text: PRIVATE_NOTE, isSubtle: true, wrap: true });
  }
  if (!info) return elements;
  if (info.bio) {
    elements.push({ type: 'TextBlock', text: toCardText(info.bio), wrap: true });
  }
  const facts = toPersonalInfoFacts(info).map((fact) => ({
    title: fact.title,
    value: toCardText(fact.value),
  }));
  if (facts.length > 0) elements.push({ type: 'FactSet', facts });
  return elements;
}

function presentLeaderboard(view: LeaderboardView): TeamsMessage {
  const body: CardElement[] = [
    heading(`Leaderboard: ${toCardText(view.title)}`),
    {
      type: 'TextBlock',
      text: `Points earned ${toWindowText(view.window)} · ${toFreshnessText(view.minutesSinceUpdate)}`,
      isSubtle: true,
      spacing: 'None',
      wrap: true,
    },
  ];
  if (view.rows.length === 0) {
    body.push({
      type: 'TextBlock',
      text: 'No one has points in the last 30 days yet.',
      wrap: true,
    });
  }
  body.push(...view.rows.map(leaderboardRow));

  const viewerShown = view.rows.some((row) => row.isViewer);
  if (view.viewer) {
    body.push({
      type: 'TextBlock',
      text: `You: ${toPositionText(view.viewer)}`,
      weight: 'Bolder',
      wrap: true,
    });
  } else if (!viewerShown) {
    body.push({ type: 'TextBlock', text: NO_POINTS_TEXT, isSubtle: true, wrap: true });
  }
  return { text: toLeaderboardSummary(view), card: toCard(body, view.actions) };
}

function leaderboardRow(row: LeaderboardView['rows'][number]): CardElement {
  const name = toCardText(row.displayName) + (row.isViewer ? ' (you)' : '');
  const weight = row.isViewer ? 'Bolder' : 'Default';
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 1, items: [{ type: 'TextBlock', text: `${row.rank}.`, weight }] },
      { type: 'Column', width: 6, items: [{ type: 'TextBlock', text: name, weight, wrap: true }] },
      {
        type: 'Column',
        width: 2,
        items: [
          {
            type: 'TextBlock',
            text: formatNumber(row.points),
            weight,
            horizontalAlignment: 'Right',
          },
        ],
      },
    ],
  };
}

function presentStats(view: StatsView): TeamsMessage {
  const footer = [`Total ${formatNumber(view.points)} points`, `level ${view.level.level}`];
  if (view.adjustments !== 0) footer.push(`penalties ${formatSigned(view.adjustments)}`);
  const body: CardElement[] = [
    heading(`Points by category: ${toCardText(view.subject.displayName)}`),
    ...(view.chartUrl
      ? [chartImage(view.chartUrl, toCategoryChartAltText(view.categories))]
      : categoryBars(view.categories)),
    { type: 'TextBlock', text: footer.join(' · '), isSubtle: true, wrap: true },
  ];
  return { text: toCategorySummary(view.categories), card: toCard(body, view.actions) };
}

function presentHelp(view: Pick<HelpView, 'commands' | 'actions'>, problem: string | null) {
  const body: CardElement[] = [];
  if (problem) {
    body.push({ type: 'TextBlock', text: toCardText(problem), color: 'Warning', wrap: true });
  }
  body.push(subheading('What you can ask'));
  body.push({
    type: 'FactSet',
    facts: view.commands.map((command) => ({ title: command.usage, value: command.description })),
  });
  return { text: problem ?? 'What you can ask', card: toCard(body, view.actions) };
}

function nextLevelLine(level: LevelProgress): string {
  if (level.pointsToNextLevel === null) return toNextLevelText(level);
  return `${toBarText(level.fractionToNextLevel, 10)} ${toNextLevelText(level)}`;
}

/** A chart image; Teams fetches the URL itself. */
export function chartImage(url: string, altText: string): CardElement {
  return { type: 'Image', url, altText, size: 'Stretch' };
}

/** One column set a category: label, bar, points, so that the columns line up. */
function categoryBars(bars: CategoryBar[]): CardElement[] {
  return bars.map((bar) => ({
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 3, items: [{ type: 'TextBlock', text: bar.label }] },
      { type: 'Column', width: 4, items: [monospace(toBarText(bar.share, 10))] },
      {
        type: 'Column',
        width: 2,
        items: [
          { type: 'TextBlock', text: formatNumber(bar.points), horizontalAlignment: 'Right' },
        ],
      },
    ],
  }));
}

/**
 * Text from members, shown as written: card text is markdown, so a link in a name or an
 * echoed command would become a link in a card the bot wrote.
 */
export function toCardText(text: string): string {
  return text.replace(/\]\(/g, ']\u200B(').replace(/</g, '\uFF1C');
}

export function heading(text: string): CardElement {
  return { type: 'TextBlock', text, size: 'Large', weight: 'Bolder', wrap: true };
}

export function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', spacing: 'Medium' };
}

function monospace(text: string): CardElement {
  return { type: 'TextBlock', text, fontType: 'Monospace', wrap: true };
}

export function toCard(body: CardElement[], actions: CommandAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    ...(actions.length > 0 ? { actions: actions.map(toSubmit) } : {}),
  };
}

export function toSubmit(action: CommandAction): CardAction {
  return { type: 'Action.Submit', title: action.label, data: { command: action.command } };
}

function plain(text: string): TeamsMessage {
  return { text, card: toCard([{ type: 'TextBlock', text, wrap: true }], []) };
}
