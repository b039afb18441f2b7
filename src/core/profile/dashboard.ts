/**
 * The profile dashboard (SPEC §6, §13): the profile header and overview, recent activity and
 * portfolio highlights, with buttons to every view the product has. Built from the answers
 * to the commands themselves, so that it shows exactly what those commands show.
 */
import type { ActivityItem } from '../activity/activity-view.js';
import { COMMAND_HELP } from '../commands/grammar.js';
import type { ProjectSummary } from '../portfolio/portfolio-view.js';
import type { AnswerCommand, Viewer } from './answer-command.js';
import type { CommandAction, View } from './profile-view.js';

/** Recent events and published projects the dashboard shows. */
const RECENT_ITEMS = 5;
const HIGHLIGHTS = 3;

/** The views the dashboard links to, in order; those the grammar lacks are left out. */
const NAVIGATION: readonly CommandAction[] = [
  { label: 'Badges', command: 'badges' },
  { label: 'Challenges', command: 'challenges' },
  { label: 'Connections', command: 'connections' },
  { label: 'Portfolio', command: 'portfolio' },
  { label: 'Activity', command: 'activity' },
  { label: 'Points by category', command: 'stats' },
  { label: 'Leaderboard', command: 'leaderboard' },
  { label: 'Settings', command: 'settings' },
];

export interface DashboardView {
  /** The member's own profile answer. */
  profile: View;
  activity: ActivityItem[];
  highlights: ProjectSummary[];
  navigation: CommandAction[];
}

export type ShowDashboard = (viewer: Viewer) => Promise<DashboardView>;

export function createShowDashboard(answerCommand: AnswerCommand): ShowDashboard {
  const known = new Set<string>(COMMAND_HELP.map((help) => help.name));
  const navigation = NAVIGATION.filter((action) => known.has(action.command));

  return async (viewer) => {
    const [profile, activity, portfolio] = await Promise.all([
      answerCommand(viewer, 'profile'),
      answerCommand(viewer, 'activity'),
      answerCommand(viewer, 'portfolio'),
    ]);
    return {
      profile,
      activity: activity.kind === 'activity' ? activity.items.slice(0, RECENT_ITEMS) : [],
      highlights:
        portfolio.kind === 'portfolio'
          ? portfolio.projects.filter((p) => p.status === 'published').slice(0, HIGHLIGHTS)
          : [],
      navigation,
    };
  };
}
