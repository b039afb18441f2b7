/** Renders view models as Slack messages in Block Kit. */
import type { types } from '@slack/bolt';
import type {
  CategoryBar,
  CommandAction,
  HelpView,
  ProfileSubject,
  ProfileView,
  StatsView,
  View,
} from '../../core/profile/profile-view.js';
import {
  buttons,
  COMMAND_BUTTON_PREFIX,
  context,
  escapeText,
  header,
  markdown,
  section,
} from './blocks.js';
import { presentAdminLedger } from './present-admin.js';
import { presentPortfolioBlocks, presentProjectBlocks } from './present-portfolio.js';
import { NO_ACTIVITY_TEXT, toActivityLine, toActivityTitle } from '../../present/activity-text.js';
import {
  PRIVATE_NOTE,
  toPersonalInfoFacts,
  toPrivateProfileText,
} from '../../present/personal-info-text.js';
import type { PersonalInfo } from '../../core/profile/personal-info.js';
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
import { presentConnectionView } from './present-connections.js';
import { RARITY_EMOJI, toFeaturedText } from '../../present/badge-text.js';
import { presentBadges } from './present-badges.js';
import { presentChallenges } from './present-challenges.js';
import { presentShop } from './present-shop.js';
import { toOrderPostText } from '../../present/shop-text.js';
import { toAssignedChallengeText } from '../../present/challenge-text.js';
import { toCategoryChartAltText } from '../../present/chart-text.js';

type KnownBlock = types.KnownBlock;

/** A message: blocks, and the text Slack shows in notifications and to screen readers. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

const SLASH_COMMAND = '/mendix';

export function presentSlackMessage(view: View): SlackMessage {
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
    case 'admin_ledger':
      return presentAdminLedger(view);
    case 'form':
      return plain(`${view.title}: use ${SLASH_COMMAND} ${view.form} to open the form.`);
    case 'private_profile':
      return plain(escapeText(toPrivateProfileText(view.displayName)));
    case 'portfolio':
      return {
        text: `Portfolio of ${view.owner.displayName}: ${view.projects.length} project(s)`,
        blocks: [...presentPortfolioBlocks(view, COMMAND_BUTTON_PREFIX), ...buttons(view.actions)],
      };
    case 'activity': {
      const lines = view.items.map(
        (item) => `${item.kind === 'badge' ? ':medal:' : '•'} ${escapeText(toActivityLine(item))}`,
      );
      return {
        text: `${toActivityTitle(view)}: ${view.items.length} event(s)`,
        blocks: [
          header(toActivityTitle(view)),
          section(lines.length > 0 ? lines.join('\n') : NO_ACTIVITY_TEXT),
          ...buttons(view.actions),
        ],
      };
    }
    case 'project':
      return {
        text: `${view.content.appName}, by ${view.owner.displayName}`,
        blocks: [...presentProjectBlocks(view), ...buttons(view.actions)],
      };
    case 'badges':
      return presentBadges(view);
    case 'challenges':
      return presentChallenges(view);
    case 'shop':
      return presentShop(view);
    case 'shop_order':
      // A mention shows the member's name, and is no text the member typed.
      return plain(
        toOrderPostText({ ...view, itemName: escapeText(view.itemName) }, `<@${view.member}>`),
      );
    case 'notice':
      return {
        text: view.message,
        blocks: [section(escapeText(view.message)), ...buttons(view.actions)],
      };
    case 'no_profile':
      return plain(`<@${view.userId}> has no profile yet.`);
    case 'failure':
      return plain(view.message);
    case 'connections':
    case 'invitation':
    case 'referral':
    case 'email_invitation':
      return presentConnectionView(view);
  }
}

function presentLeaderboard(view: LeaderboardView): SlackMessage {
  const lines = view.rows.map((row) => {
    const line = `*${row.rank}.* ${escapeText(row.displayName)} · ${formatNumber(row.points)}`;
    return row.isViewer ? `${line}  ← you` : line;
  });
  const blocks: KnownBlock[] = [
    header(`Leaderboard: ${view.title}`),
    context(
      `Points earned ${toWindowText(view.window)} · ${toFreshnessText(view.minutesSinceUpdate)}`,
    ),
    section(lines.length > 0 ? lines.join('\n') : 'No one has points in the last 30 days yet.'),
  ];
  const viewerShown = view.rows.some((row) => row.isViewer);
  if (view.viewer) blocks.push(section(`*You:* ${toPositionText(view.viewer)}`));
  else if (!viewerShown) blocks.push(context(NO_POINTS_TEXT));
  blocks.push(...buttons(view.actions));
  return { text: toLeaderboardSummary(view), blocks };
}

function presentProfile(view: ProfileView): SlackMessage {
  const { subject, level } = view;
  const blocks: KnownBlock[] = [
    header(subject.displayName),
    context(subjectLine(subject, level)),
    {
      type: 'section',
      fields: [
        markdown(`*Points*\n${formatNumber(view.points)}`),
        markdown(`*Level*\n${level.level}`),
        markdown(`*Credits*\n${formatNumber(view.credits)}`),
        markdown(`*Connections*\n${formatNumber(view.connections)}`),
        markdown(`*Leaderboard, 30 days*\n${positionLine(view)}`),
      ],
    },
    ...personalInfo(view.info ?? null, view.isPrivate === true),
    section(`*Next level*\n${nextLevelLine(level)}`),
    context(`*Featured badges:* ${escapeText(toFeaturedText(view.featuredBadges, RARITY_EMOJI))}`),
    ...(subject.isViewer
      ? [section(`*Challenge*\n${escapeText(toAssignedChallengeText(view.assignedChallenge))}`)]
      : []),
    { type: 'divider' },
    section(`*Points by category*\n${categoryBars(view.categories)}`),
    ...buttons(view.actions),
  ];
  return {
    text: toProfileSummary(view),
    blocks,
  };
}

/** The personal-info card: the bio, then each filled-in field. */
function personalInfo(info: PersonalInfo | null, isPrivate: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (isPrivate) blocks.push(context(`:lock: ${PRIVATE_NOTE}`));
  if (!info) return blocks;
  const facts = toPersonalInfoFacts(info).map(
    (fact) => `*${fact.title}:* ${escapeText(fact.value)}`,
  );
  const lines = [info.bio ? `_${escapeText(info.bio)}_` : '', ...facts].filter(Boolean);
  if (lines.length > 0) blocks.push(section(lines.join('\n')));
  return blocks;
}

function positionLine(view: ProfileView): string {
  return view.position ? toPositionText(view.position) : 'No points in 30 days';
}

function presentStats(view: StatsView): SlackMessage {
  const blocks: KnownBlock[] = [
    header(`Points by category: ${view.subject.displayName}`),
    view.chartUrl
      ? image(view.chartUrl, toCategoryChartAltText(view.categories))
      : section(categoryBars(view.categories)),
    context(
      `Total ${formatNumber(view.points)} points · level ${view.level.level}` +
        (view.adjustments !== 0 ? ` · penalties ${formatSigned(view.adjustments)}` : ''),
    ),
    ...buttons(view.actions),
  ];
  return { text: toCategorySummary(view.categories), blocks };
}

function presentHelp(
  view: Pick<HelpView, 'commands' | 'actions'>,
  problem: string | null,
): SlackMessage {
  const lines = view.commands.map(
    (command) => `\`${SLASH_COMMAND} ${command.usage}\`  ${command.description}`,
  );
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push(section(`:warning: ${escapeText(problem)}`));
  blocks.push(section(`*What you can ask*\n${lines.join('\n')}`), ...buttons(view.actions));
  return { text: problem ?? 'What you can ask', blocks };
}

function subjectLine(subject: ProfileSubject, level: LevelProgress): string {
  const parts = [`<@${subject.userId}>`, `Level ${level.level}`];
  if (subject.company) parts.push(escapeText(subject.company));
  return parts.join(' · ');
}

function nextLevelLine(level: LevelProgress): string {
  if (level.pointsToNextLevel === null) return toNextLevelText(level);
  return `\`${toBarText(level.fractionToNextLevel, 10)}\` ${toNextLevelText(level)}`;
}

/** A chart image; Slack fetches the URL itself. */
export function image(url: string, altText: string): KnownBlock {
  return { type: 'image', image_url: url, alt_text: altText };
}

/** Text bars in a code block, so that the columns line up in any font. */
function categoryBars(bars: CategoryBar[]): string {
  const width = Math.max(...bars.map((bar) => bar.label.length));
  const lines = bars.map(
    (bar) => `${bar.label.padEnd(width)}  ${toBarText(bar.share, 10)}  ${formatNumber(bar.points)}`,
  );
  return `\`\`\`${lines.join('\n')}\`\`\``;
}

function plain(text: string): SlackMessage {
  return { text, blocks: [section(text)] };
}
