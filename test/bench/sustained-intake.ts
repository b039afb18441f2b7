/**
 * Sustained intake: one app instance as a process of its own, joined to the benchmark's
 * database, takes events at a fixed rate from the load generator. Reports the rate it kept,
 * the latency of each accepted request, and the instance's memory at rest and under the load.
 */
import type { RunningApp } from '../../src/app.js';
import { startAppProcess } from '../support/app-process.js';
import { FORUM_SOURCE } from '../support/intake-requests.js';
import { runLoad } from '../support/load-generator.js';

const RATE = Number(process.env.BENCH_LOAD_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 30);

export async function measureSustainedIntake(
  app: RunningApp,
  rawPerSecond: number,
  percentile: (values: number[], p: number) => string,
): Promise<void> {
  const instance = await startAppProcess({
    MONGODB_URI: app.database.uri,
    MONGODB_DATABASE: app.database.db.databaseName,
    INTAKE_SOURCES: JSON.stringify([FORUM_SOURCE]),
    LOG_LEVEL: 'warn',
  });

  try {
    const atRest = await residentMemory(instance.baseUrl);
    let peak = atRest;
    const sampler = setInterval(() => {
      void residentMemory(instance.baseUrl).then((rss) => (peak = Math.max(peak, rss)));
    }, 1000);
    const summary = await runLoad({ targets: [instance.baseUrl], rate: RATE, seconds: SECONDS });
    clearInterval(sampler);

    const kept = summary.accepted.length / summary.seconds;
    const { latencies } = summary;
    console.log(`\nSustained intake, ${RATE} events/s asked for ${SECONDS} s, one instance:`);
    console.log(
      `  kept ${kept.toFixed(0)}/s (${(kept / rawPerSecond).toFixed(2)} × raw insertOne), ` +
        `${summary.failed.length} failed, ${summary.retries} retried`,
    );
    console.log(
      `  latency (ms) p50 ${percentile(latencies, 50)}  p95 ${percentile(latencies, 95)}  ` +
        `p99 ${percentile(latencies, 99)}`,
    );
    console.log(`  memory (RSS) at rest ${toMiB(atRest)}, under load up to ${toMiB(peak)}`);
  } finally {
    await instance.stop();
  }
}

/** The instance's resident memory, as its /metrics reports it. */
async function residentMemory(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = /^profile_bot_process_resident_memory_bytes (\d+)/m.exec(text);
  return match ? Number(match[1]) : 0;
}

function toMiB(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}
