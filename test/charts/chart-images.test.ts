import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartImages } from '../../src/charts/chart-images.js';
import { silentLogger, type Logger } from '../../src/core/shared/logger.js';
import { CHART_WIDTH } from '../../src/present/bar-chart-svg.js';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { ManualClock } from '../support/clock.js';
import { postEvents } from '../support/intake-requests.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { buildActivity, postActivity } from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_BASE_URL = 'https://bot.example.test';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const DAY_MS = 86_400_000;

interface SlackBlock {
  type: string;
  image_url?: string;
  alt_text?: string;
  text?: { text: string };
}

interface CardElement {
  type: string;
  url?: string;
  altText?: string;
}

describe('chart images', () => {
  const slack = new SlackRecorder();
  const connector = new BotFrameworkRecorder();
  const clock = new ManualClock(new Date());
  let app: TestApp;
  let commandCount = 0;

  beforeAll(async () => {
    await slack.start();
    await connector.start();
    slack.users.set('U0ADA', { id: 'U0ADA', name: 'ada', realName: 'Ada <Lovelace>', email: null });
    connector.members.set('29:kay', { id: '29:kay', aadObjectId: 'aad-kay', name: 'Kay' });
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PUBLIC_BASE_URL,
      },
      clock,
    );
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
    await slack.stop();
  });

  async function askSlack(text: string) {
    const name = `chart-${++commandCount}`;
    await postSlashCommand(app.baseUrl, {
      text,
      userId: 'U0ADA',
      responseUrl: slack.responseUrl(name),
    });
    const answer = await slack.waitFor(`/respond/${name}`);
    return answer.body as { text: string; blocks: SlackBlock[] };
  }

  /** Fetches a published chart from the running app, by the path of its public URL. */
  function fetchChart(url: string) {
    expect(url.startsWith(`${PUBLIC_BASE_URL}/charts/`)).toBe(true);
    return fetch(`${app.baseUrl}${url.slice(PUBLIC_BASE_URL.length)}`);
  }

  it('answers Slack stats with an image block whose URL serves the chart as PNG', async () => {
    await postEvents(app.baseUrl, {
      events: [
        { activity: 'impact.hackathon_won', id: 'c1', member: 'U0ADA' },
        { activity: 'community.answer_accepted', id: 'c2', member: 'U0ADA' },
      ].map((event) => ({ ...event, occurredAt: new Date().toISOString() })),
    });

    const answer = await askSlack('stats');

    const image = answer.blocks.find((block) => block.type === 'image')!;
    expect(image.alt_text).toMatch(/Impact ▰{10} 300/);
    expect(image.alt_text!.length).toBeLessThanOrEqual(2000);
    const response = await fetchChart(image.image_url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toContain('max-age=');
    const png = Buffer.from(await response.arrayBuffer());
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(CHART_WIDTH);
    expect(png.readUInt32BE(20)).toBeGreaterThan(100);
  });

  it('keeps a stats image for a day, then answers 404, as for unknown tokens', async () => {
    const answer = await askSlack('stats');
    const url = answer.blocks.find((block) => block.type === 'image')!.image_url!;
    const token = url.slice(url.lastIndexOf('/') + 1, -'.png'.length);
    const stored = await app.database.collections.chartImages.findOne({ _id: token });
    expect(stored).toMatchObject({ tenant: 'slack:T0TEST' });
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(DAY_MS);
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);

    clock.advance(DAY_MS - 1000);
    expect((await fetchChart(url)).status).toBe(200);
    clock.advance(1000);
    const expired = await fetchChart(url);
    expect(expired.status).toBe(404);
    expect(await expired.json()).toMatchObject({ error: 'not_found' });

    for (const path of [`/charts/${'A'.repeat(24)}.png`, '/charts/x.png', `/charts/${token}`]) {
      const unknown = await fetch(`${app.baseUrl}${path}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ error: 'not_found' });
    }

    // The embedded database has no TTL indexes: a later publish deletes expired images.
    await askSlack('stats');
    const find = () => app.database.collections.chartImages.findOne({ _id: token });
    await expect.poll(find).toBeNull();
  });

  it('answers Teams stats with a valid card holding the chart Image', async () => {
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl, from: { id: '29:kay', aadObjectId: 'aad-kay' } },
      { text: 'stats' },
    );
    expect((await postActivity(app.baseUrl, activity)).status).toBe(200);
    await connector.waitForSent(1);

    const reply = connector.sent.at(-1)!.body as {
      attachments: { content: { body: CardElement[] } }[];
    };
    const card = reply.attachments[0]!.content;
    expectValidAdaptiveCard(card);
    const image = card.body.find((element) => element.type === 'Image')!;
    expect(image.altText).toMatch(/Learning ▱{10} 0/);
    const response = await fetchChart(image.url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it('publishes no image, and logs, when the image cannot be stored', async () => {
    const warnings: unknown[] = [];
    const recording: Logger = { ...silentLogger, warn: (fields) => warnings.push(fields) };
    const logger: Logger = { ...silentLogger, child: () => recording };
    const charts = createChartImages({
      images: {
        insert: () => Promise.reject(new Error('database down')),
        findPng: async () => null,
        deleteExpired: async () => 0,
      },
      publicBaseUrl: PUBLIC_BASE_URL,
      clock,
      logger,
    });

    const url = await charts.publish('slack:T0TEST', {
      kind: 'stats',
      title: 'Points',
      bars: [{ label: 'Impact', value: 1 }],
    });

    expect(url).toBeNull();
    expect(warnings).toHaveLength(1);
  });
});
