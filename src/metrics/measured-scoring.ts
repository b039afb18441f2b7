/** The scoring with its latency measured, for the `/metrics` endpoint. */
import { performance } from 'node:perf_hooks';
import type { Scoring } from '../core/scoring/record-activity.js';
import type { Metrics } from './metrics.js';

/** Wraps the scoring so that every recording is timed; everything else passes through. */
export function withScoringMetrics(scoring: Scoring, metrics: Metrics): Scoring {
  async function timed<T>(record: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await record();
    } finally {
      metrics.observeScoring((performance.now() - started) / 1000);
    }
  }

  return {
    ...scoring,
    recordActivity: (event) => timed(() => scoring.recordActivity(event)),
    recordEvents: (events) => timed(() => scoring.recordEvents(events)),
  };
}
