/** Renders a digest as an Adaptive Card 1.5. */
import type { DigestView } from '../../core/digests/digest-view.js';
import {
  LATE_TEXT,
  NO_LEADERS_TEXT,
  toBadgeText,
  toClimberText,
  toDigestSummary,
  toDigestTitle,
  toDigestWindowText,
  toRowText,
} from '../../present/digest-text.js';
import { CARD_VERSION, chartImage, type AdaptiveCard, type TeamsMessage } from './present-teams.js';
import { toLeadersChartAltText } from '../../present/chart-text.js';

type CardElement = Record<string, unknown> & { type: string };

export function presentTeamsDigest(view: DigestView): TeamsMessage {
  const body: CardElement[] = [
    { type: 'TextBlock', text: toDigestTitle(view), size: 'Large', weight: 'Bolder', wrap: true },
  ];
  if (view.late) body.push({ type: 'TextBlock', text: LATE_TEXT, color: 'Warning', wrap: true });
  body.push({ type: 'TextBlock', text: toDigestWindowText(view), isSubtle: true, wrap: true });

  const rows = view.rows.map((row) => cardText(toRowText(row)));
  body.push(textBlock(rows.length > 0 ? rows.join('\n\n') : NO_LEADERS_TEXT));
  if (view.chartUrl) body.push(chartImage(view.chartUrl, toLeadersChartAltText(view.rows)));

  if (view.climbers.length > 0) {
    body.push(subheading('Biggest climbers'));
    body.push(textBlock(view.climbers.map((c) => cardText(toClimberText(c))).join('\n\n')));
  }
  if (view.badges.length > 0) {
    body.push(subheading('New badges'));
    body.push(textBlock(view.badges.map((b) => cardText(toBadgeText(b))).join('\n\n')));
  }
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
  };
  return { text: toDigestSummary(view), card };
}

function textBlock(text: string): CardElement {
  return { type: 'TextBlock', text, wrap: true };
}

function subheading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'Bolder', spacing: 'Medium' };
}

/** Names as written: card text is markdown, so a link in a name would become a link. */
function cardText(text: string): string {
  return text.replace(/\]\(/g, ']\u200B(').replace(/</g, '\uFF1C');
}
