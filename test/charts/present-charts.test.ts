import { describe, expect, it } from 'vitest';
import type { DigestView } from '../../src/core/digests/digest-view.js';
import { toCategoryBars } from '../../src/core/profile/answer-command.js';
import type { StatsView } from '../../src/core/profile/profile-view.js';
import { toLevelProgress } from '../../src/core/scoring/levels.js';
import { ALT_TEXT_MAX } from '../../src/present/chart-text.js';
import { presentSlackMessage } from '../../src/slack/present/present-slack.js';
import { presentSlackDigest } from '../../src/slack/present/present-slack-digest.js';
import { presentTeamsMessage } from '../../src/teams/present/present-teams.js';
import { presentTeamsDigest } from '../../src/teams/present/present-teams-digest.js';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';

const CHART_URL = 'https://bot.example.test/charts/abcdefghijklmnopqrstuvwx.png';

const stats: StatsView = {
  kind: 'stats',
  subject: { userId: 'U0ADA', displayName: 'Ada', company: null, isViewer: true },
  points: 155,
  level: toLevelProgress(155),
  categories: toCategoryBars({ categories: { community: 120, learning: 35 } }),
  adjustments: 0,
  actions: [],
};

const digest: DigestView = {
  kind: 'digest',
  title: 'Everyone',
  day: '2026-12-03',
  late: false,
  window: { from: '2026-11-04', to: '2026-12-03' },
  rows: Array.from({ length: 10 }, (_, index) => ({
    rank: index + 1,
    displayName: `Member ${'x'.repeat(300)} ${index}`,
    points: 100 - index,
  })),
  climbers: [],
  badges: [],
};

interface Element {
  type: string;
  url?: string;
  altText?: string;
  image_url?: string;
  alt_text?: string;
}

describe('chart images in messages', () => {
  it('shows the stats chart in Slack and Teams, the text bars as its alt text', () => {
    const slack = presentSlackMessage({ ...stats, chartUrl: CHART_URL });
    const image = slack.blocks.find((block) => block.type === 'image') as Element;
    expect(image).toMatchObject({ image_url: CHART_URL });
    expect(image.alt_text).toMatch(/Community ▰{10} 120\n(.*\n)*Learning ▰{3}▱{7} 35$/);

    const { card } = presentTeamsMessage({ ...stats, chartUrl: CHART_URL });
    expectValidAdaptiveCard(card);
    const element = (card.body as Element[]).find((item) => item.type === 'Image');
    expect(element).toMatchObject({ url: CHART_URL });
    expect(element!.altText).toContain('Community ▰▰▰▰▰▰▰▰▰▰ 120');
  });

  it('falls back to the text bars when there is no chart image', () => {
    const slack = presentSlackMessage({ ...stats, chartUrl: null });
    expect(slack.blocks.some((block) => block.type === 'image')).toBe(false);
    expect(JSON.stringify(slack.blocks)).toMatch(/Community\s+▰{10}\s+120/);

    const { card } = presentTeamsMessage(stats);
    expectValidAdaptiveCard(card);
    expect(JSON.stringify(card.body)).not.toContain('"Image"');
  });

  it('adds the leaders chart to digests, alt text within Slack’s limit', () => {
    const slack = presentSlackDigest({ ...digest, chartUrl: CHART_URL });
    const image = slack.blocks.find((block) => block.type === 'image') as Element;
    expect(image.image_url).toBe(CHART_URL);
    expect(image.alt_text!.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(image.alt_text).toMatch(/^Leaders by points\n1\. Member x+ 0 100\n/);

    const { card } = presentTeamsDigest({ ...digest, chartUrl: CHART_URL });
    expectValidAdaptiveCard(card);
    expect((card.body as Element[]).find((item) => item.type === 'Image')).toMatchObject({
      url: CHART_URL,
    });

    expect(presentSlackDigest(digest).blocks.some((block) => block.type === 'image')).toBe(false);
  });
});
