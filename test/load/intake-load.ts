/**
 * A load generator, run as a process of its own: sends signed intake events at a fixed rate to
 * one or more app instances for a number of seconds, re-delivers some of them, and retries an
 * event on another instance when one fails or is gone. Prints a JSON summary on its last line.
 *
 * Environment: LOAD_TARGETS (base URLs, comma-separated), LOAD_RATE (events per second),
 * LOAD_SECONDS, LOAD_MEMBERS, LOAD_SOURCE, LOAD_SECRET.
 */
import { performance } from 'node:perf_hooks';
import { signIntakeBody } from '../../src/intake/intake-signature.js';

const targets = (process.env.LOAD_TARGETS ?? '').split(',').filter(Boolean);
const rate = Number(process.env.LOAD_RATE ?? 40);
const seconds = Number(process.env.LOAD_SECONDS ?? 60);
const members = Number(process.env.LOAD_MEMBERS ?? 200);
const source = process.env.LOAD_SOURCE ?? 'forum';
const secret = process.env.LOAD_SECRET ?? '';

/** Activities with and without daily caps, so that the caps are under load too. */
const ACTIVITIES = [
  'learning.lecture_completed',
  'community.upvote_received',
  'platform.buzz_posted',
  'marketplace.review_added',
];

/** One event in twenty is delivered a second time, to another instance. */
const REDELIVER_EVERY = 20;
const MAX_ATTEMPTS = 60;
const RETRY_PAUSE_MS = 250;

interface Accepted {
  id: string;
  requested: number;
  applied: number;
  duplicate: boolean;
}

export interface LoadSummary {
  sent: number;
  accepted: Accepted[];
  failed: string[];
  /** Milliseconds from sending to the accepted answer, per delivery. */
  latencies: number[];
  retries: number;
  seconds: number;
}

const summary: LoadSummary = {
  sent: 0,
  accepted: [],
  failed: [],
  latencies: [],
  retries: 0,
  seconds: 0,
};

function buildEvent(index: number) {
  return {
    id: `load-${index}`,
    activity: ACTIVITIES[index % ACTIVITIES.length],
    member: `ULOAD${String(index % members).padStart(4, '0')}`,
    occurredAt: new Date().toISOString(),
  };
}

/** Posts one event, trying the instances in turn until one accepts it. */
async function deliver(event: ReturnType<typeof buildEvent>, first: number): Promise<void> {
  const body = JSON.stringify(event);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const target = targets[(first + attempt) % targets.length]!;
    const started = performance.now();
    const answer = await post(target, body);
    if (answer) {
      summary.latencies.push(performance.now() - started);
      summary.accepted.push(answer);
      return;
    }
    summary.retries++;
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
  }
  summary.failed.push(event.id);
}

async function post(target: string, body: string): Promise<Accepted | null> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(`${target}/api/v1/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-profile-source': source,
        'x-profile-timestamp': String(timestamp),
        'x-profile-signature': signIntakeBody(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(20_000),
    });
    if (response.status !== 200) return null;
    const { results } = (await response.json()) as { results: Accepted[] };
    return results[0] ?? null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const total = Math.round(rate * seconds);
  const started = performance.now();
  const deliveries: Promise<void>[] = [];

  for (let index = 0; index < total; index++) {
    // Keeps the fixed rate: each event waits for its own moment, however slow the answers.
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));

    const event = buildEvent(index);
    summary.sent++;
    deliveries.push(deliver(event, index));
    if (index % REDELIVER_EVERY === 0) {
      summary.sent++;
      deliveries.push(deliver(event, index + 1));
    }
  }

  await Promise.all(deliveries);
  summary.seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify(summary));
}

await main();
