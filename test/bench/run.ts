/**
 * `npm run bench`: throughput of the scoring beside raw inserts into the same database, and the
 * latency of `/mendix profile` in Slack. Runs on the embedded database unless MONGODB_URI is set.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { ActivityEvent } from '../../src/core/scoring/activity-event.js';
import { createLogger } from '../../src/logger.js';
import { FORUM_SOURCE, postEvents } from '../support/intake-requests.js';
import { measureLeaderboard } from './leaderboard.js';
import { measureSustainedIntake } from './sustained-intake.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const MEMBERS = 300;
const CONCURRENCY = 8;
const PROFILE_REQUESTS = Number(process.env.BENCH_PROFILE_REQUESTS ?? 200);

interface Rate {
  label: string;
  perSecond: number;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'profile-bot-bench-'));
  const slack = new SlackRecorder();
  await slack.start();
  const app = await startApp(
    loadConfig({
      ...process.env,
      PORT: '0',
      DATA_DIR: dataDir,
      MONGODB_DATABASE: `bench_${Date.now()}`,
      INTAKE_SOURCES: JSON.stringify([FORUM_SOURCE]),
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
    }),
    { logger: createLogger({ level: 'error', format: 'json' }) },
  );
  const baseUrl = `http://127.0.0.1:${app.port}`;

  try {
    console.log(describeMachine(app));
    const raw = await measureRawInserts(app);
    const rates = [
      raw,
      await measureScoring(app),
      await measureIntake(baseUrl, 1),
      await measureIntake(baseUrl, 100),
    ];
    printRates(rates, raw.perSecond);
    await measureProfile(baseUrl, slack);
    await measureSustainedIntake(app, raw.perSecond, percentile);
    await measureLeaderboard(app, baseUrl, slack, percentile);
  } finally {
    await app.stop();
    await slack.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Raw insertOne of documents the size of a ledger entry, with the same concurrency. */
async function measureRawInserts(app: RunningApp): Promise<Rate> {
  const collection = app.database.db.collection('bench_raw');
  const seconds = await timeConcurrent(EVENTS, async (index) => {
    await collection.insertOne({ _id: `raw-${index}` as never, ...sampleDocument(index) });
  });
  return { label: 'raw insertOne', perSecond: EVENTS / seconds };
}

async function measureScoring(app: RunningApp): Promise<Rate> {
  const seconds = await timeConcurrent(EVENTS, async (index) => {
    await app.services.scoring.recordActivity(toEvent(`svc-${index}`, index));
  });
  return { label: 'scoring service', perSecond: EVENTS / seconds };
}

async function measureIntake(baseUrl: string, batchSize: number): Promise<Rate> {
  const requests = Math.ceil(EVENTS / batchSize);
  const seconds = await timeConcurrent(requests, async (request) => {
    const events = Array.from({ length: batchSize }, (_, i) => {
      const index = request * batchSize + i;
      const event = toEvent(`http-${batchSize}-${index}`, index);
      return {
        id: event.eventId,
        activity: event.activity,
        member: (event.member as { userId: string }).userId,
        occurredAt: event.occurredAt.toISOString(),
      };
    });
    const response = await postEvents(baseUrl, batchSize === 1 ? events[0] : { events });
    if (response.status !== 200) throw new Error(`intake answered ${response.status}`);
  });
  const label =
    batchSize === 1 ? 'HTTP intake, one event a request' : `HTTP intake, ${batchSize} a request`;
  return { label, perSecond: (requests * batchSize) / seconds };
}

/** From the signed request to Slack's acknowledgement, and to the answer on response_url. */
async function measureProfile(baseUrl: string, slack: SlackRecorder): Promise<void> {
  const acks: number[] = [];
  const answers: number[] = [];
  for (let i = 0; i < PROFILE_REQUESTS; i++) {
    const name = `bench-${i}`;
    const userId = `U${String(i % MEMBERS).padStart(6, '0')}`;
    const started = performance.now();
    await postSlashCommand(baseUrl, {
      text: 'profile',
      userId,
      responseUrl: slack.responseUrl(name),
    });
    acks.push(performance.now() - started);
    await slack.waitFor(`/respond/${name}`);
    answers.push(performance.now() - started);
  }
  console.log(`\n/mendix profile, ${PROFILE_REQUESTS} requests one after another (ms):`);
  console.log(`  to acknowledgement   p50 ${percentile(acks, 50)}  p95 ${percentile(acks, 95)}`);
  console.log(
    `  to the posted answer p50 ${percentile(answers, 50)}  p95 ${percentile(answers, 95)}`,
  );
}

/** Runs `count` tasks with CONCURRENCY at a time and returns the seconds they took. */
async function timeConcurrent(count: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

function toEvent(eventId: string, index: number): ActivityEvent {
  const activities = [
    'community.upvote_received',
    'learning.lecture_completed',
    'platform.app_created',
  ];
  return {
    tenant: FORUM_SOURCE.tenant,
    source: FORUM_SOURCE.name,
    eventId,
    activity: activities[index % activities.length]!,
    member: { kind: 'user', userId: `U${String(index % MEMBERS).padStart(6, '0')}` },
    actor: null,
    occurredAt: new Date(Date.now() - 60_000),
    reverses: null,
    public: true,
    meta: null,
  };
}

function sampleDocument(index: number) {
  return {
    tenant: FORUM_SOURCE.tenant,
    member: `U${index % MEMBERS}`,
    eventKey: `forum/raw-${index}`,
    activity: 'community.upvote_received',
    requested: 10,
    applied: 10,
    occurredAt: new Date(),
  };
}

function printRates(rates: Rate[], rawPerSecond: number): void {
  console.log(
    `\nEvents per second, ${EVENTS} events over ${MEMBERS} members, ${CONCURRENCY} at a time:`,
  );
  for (const rate of rates) {
    const ratio = (rate.perSecond / rawPerSecond).toFixed(2);
    console.log(
      `  ${rate.label.padEnd(36)} ${rate.perSecond.toFixed(0).padStart(7)}/s  ${ratio} × raw`,
    );
  }
}

function percentile(values: number[], p: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!.toFixed(1);
}

function describeMachine(app: RunningApp): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const database = app.database.embedded ? 'embedded FerretDB 1.24 (SQLite)' : 'MongoDB';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${database}`;
}

await main();
