/**
 * Prometheus metrics of one app instance, served at `/metrics`. Each instance counts what it
 * handled itself; Prometheus scrapes every instance and adds them up.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { EventResult } from '../core/scoring/activity-event.js';

/** Where a request came in. */
export type Surface = 'slack' | 'teams' | 'intake' | 'health' | 'metrics' | 'other';

/** How a request ended: answered, refused as the sender's mistake, or failed on our side. */
export type Outcome = 'ok' | 'refused' | 'failed';

/** What became of an intake event. */
export type IntakeResult = 'applied' | 'zero' | 'duplicate';

export interface Metrics {
  registry: Registry;
  countRequest(surface: Surface, outcome: Outcome): void;
  countIntakeEvents(results: readonly EventResult[]): void;
  /** How long recording one batch of events took. */
  observeScoring(seconds: number): void;
  countJobRun(job: string, outcome: 'ok' | 'failed'): void;
}

const PREFIX = 'profile_bot_';

/** Creates the metrics with a registry of their own, so that tests may run many apps. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const requests = new Counter({
    name: `${PREFIX}http_requests_total`,
    help: 'HTTP requests by surface and outcome',
    labelNames: ['surface', 'outcome'] as const,
    registers: [registry],
  });
  const intakeEvents = new Counter({
    name: `${PREFIX}intake_events_total`,
    help: 'Events received through the intake API and the chat sources, by result',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const scoring = new Histogram({
    name: `${PREFIX}scoring_duration_seconds`,
    help: 'Time to record one request of events on the ledger',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: `${PREFIX}job_runs_total`,
    help: 'Background job runs by job and outcome',
    labelNames: ['job', 'outcome'] as const,
    registers: [registry],
  });

  return {
    registry,
    countRequest: (surface, outcome) => requests.inc({ surface, outcome }),
    countIntakeEvents(results) {
      for (const result of results) intakeEvents.inc({ result: toIntakeResult(result) });
    },
    observeScoring: (seconds) => scoring.observe(seconds),
    countJobRun: (job, outcome) => jobRuns.inc({ job, outcome }),
  };
}

/** The surface a request path belongs to. */
export function toSurface(path: string): Surface {
  if (path.startsWith('/slack/')) return 'slack';
  if (path === '/api/messages') return 'teams';
  if (path === '/api/v1/events') return 'intake';
  if (path === '/healthz' || path === '/readyz') return 'health';
  if (path === '/metrics') return 'metrics';
  return 'other';
}

/** The outcome an HTTP status stands for. */
export function toOutcome(status: number): Outcome {
  if (status >= 500) return 'failed';
  return status >= 400 ? 'refused' : 'ok';
}

function toIntakeResult(result: EventResult): IntakeResult {
  if (result.duplicate) return 'duplicate';
  return result.applied !== 0 ? 'applied' : 'zero';
}
