/** Renders the profile dashboard for the App Home tab, within Slack's 100 blocks. */
import type { types } from '@slack/bolt';
import type { DashboardView } from '../../core/profile/dashboard.js';
import { toActivityLine } from '../../present/activity-text.js';
import { COMMAND_BUTTON_PREFIX, escapeText, section } from './blocks.js';
import { presentSlackMessage } from './present-slack.js';

type KnownBlock = types.KnownBlock;

/** Slack refuses a home view with more blocks than this. */
export const MAX_HOME_BLOCKS = 100;

/** Navigation buttons use action ids after those of the profile's own buttons. */
const FIRST_NAVIGATION_BUTTON = 50;

/** Slack shows at most 25 elements in one actions block. */
const BUTTONS_PER_ROW = 5;

export function presentDashboardBlocks(view: DashboardView): KnownBlock[] {
  const profile = presentSlackMessage(view.profile).blocks;
  const blocks: KnownBlock[] = [
    ...profile.filter((block) => block.type !== 'actions'),
    ...navigationRows(view),
    { type: 'divider' },
    section(`*Recent activity*\n${activityLines(view)}`),
    section(`*Portfolio highlights*\n${highlightLines(view)}`),
  ];
  return blocks.slice(0, MAX_HOME_BLOCKS);
}

function navigationRows(view: DashboardView): KnownBlock[] {
  const rows: KnownBlock[] = [];
  for (let start = 0; start < view.navigation.length; start += BUTTONS_PER_ROW) {
    const row = view.navigation.slice(start, start + BUTTONS_PER_ROW);
    rows.push({
      type: 'actions',
      elements: row.map((action, index) => ({
        type: 'button',
        action_id: `${COMMAND_BUTTON_PREFIX}${FIRST_NAVIGATION_BUTTON + start + index}`,
        text: { type: 'plain_text', text: action.label },
        value: action.command,
      })),
    });
  }
  return rows;
}

function activityLines(view: DashboardView): string {
  if (view.activity.length === 0) return 'No public activity yet.';
  return view.activity.map((item) => `• ${escapeText(toActivityLine(item))}`).join('\n');
}

function highlightLines(view: DashboardView): string {
  if (view.highlights.length === 0) return 'No published projects yet.';
  return view.highlights
    .map((project) => {
      const customer = project.customer ? ` for ${escapeText(project.customer)}` : '';
      return `• *${escapeText(project.appName)}*${customer}`;
    })
    .join('\n');
}
