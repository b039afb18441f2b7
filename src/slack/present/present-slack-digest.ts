/** Renders a digest as a Slack message in Block Kit. */
import type { types } from '@slack/bolt';
import type { DigestView } from '../../core/digests/digest-view.js';
import {
  LATE_TEXT,
  NO_LEADERS_TEXT,
  toBadgeText,
  toClimberText,
  toDigestSummary,
  toDigestTitle,
  toDigestWindowText,
} from '../../present/digest-text.js';
import { formatNumber } from '../../present/text.js';
import { context, escapeText, header, section } from './blocks.js';
import { image, type SlackMessage } from './present-slack.js';
import { toLeadersChartAltText } from '../../present/chart-text.js';

type KnownBlock = types.KnownBlock;

export function presentSlackDigest(view: DigestView): SlackMessage {
  const blocks: KnownBlock[] = [header(toDigestTitle(view))];
  if (view.late) blocks.push(context(`:hourglass: ${LATE_TEXT}`));
  blocks.push(context(toDigestWindowText(view)));

  const rows = view.rows.map(
    (row) => `*${row.rank}.* ${escapeText(row.displayName)} · ${formatNumber(row.points)}`,
  );
  blocks.push(section(rows.length > 0 ? rows.join('\n') : NO_LEADERS_TEXT));
  if (view.chartUrl) blocks.push(image(view.chartUrl, toLeadersChartAltText(view.rows)));

  if (view.climbers.length > 0) {
    const lines = view.climbers.map((climber) => escapeText(toClimberText(climber)));
    blocks.push(section(`*Biggest climbers*\n${lines.join('\n')}`));
  }
  if (view.badges.length > 0) {
    const lines = view.badges.map((badge) => escapeText(toBadgeText(badge)));
    blocks.push(section(`*New badges*\n${lines.join('\n')}`));
  }
  return { text: toDigestSummary(view), blocks };
}
