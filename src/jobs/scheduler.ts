/**
 * Background jobs on Agenda, stored in the product's own database. Any number of instances may
 * run it: Agenda hands each due job to one of them, and every job is written so that a second
 * run changes nothing, because on the embedded database that hand-out is not strictly exclusive.
 */
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import type { Db } from 'mongodb';
import type { Logger } from '../core/shared/logger.js';

/** Collection that Agenda keeps its jobs in. */
export const JOBS_COLLECTION = 'jobs';

export const JOB_NAMES = {
  refreshLeaderboards: 'leaderboards.refresh',
  postDigests: 'digests.post',
} as const;

export interface SchedulerOptions {
  db: Db;
  /** Seconds between leaderboard refreshes. */
  leaderboardRefreshSeconds: number;
  /** Seconds between looks for due digests; a digest goes out at most this late. */
  digestCheckSeconds: number;
  refreshLeaderboards(): Promise<void>;
  /** Posts the digests that are due; a second run at once posts nothing twice. */
  postDueDigests(): Promise<void>;
  /** Told how each job run ended, e.g. to count it. */
  onJobRun?: (job: string, outcome: 'ok' | 'failed') => void;
  logger: Logger;
}

export interface Scheduler {
  start(): Promise<void>;
  /** Stops taking jobs and releases the locks of this instance's unfinished ones. */
  stop(): Promise<void>;
}

/** How often an instance looks for due jobs. */
const POLL_INTERVAL = '5 seconds';

export function createScheduler(options: SchedulerOptions): Scheduler {
  const logger = options.logger.child({ module: 'jobs' });
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: options.db, collection: JOBS_COLLECTION }),
    processEvery: POLL_INTERVAL,
  });
  agenda.on('error', (error: unknown) => logger.error({ err: error }, 'job scheduler failed'));

  const report = { logger, onJobRun: options.onJobRun ?? (() => undefined) };
  define(agenda, JOB_NAMES.refreshLeaderboards, report, () => options.refreshLeaderboards());
  define(agenda, JOB_NAMES.postDigests, report, () => options.postDueDigests());

  return {
    async start() {
      await agenda.start();
      await agenda.every(
        `${options.leaderboardRefreshSeconds} seconds`,
        JOB_NAMES.refreshLeaderboards,
      );
      // Not at once on start: a restarting instance catches up at its first interval.
      await agenda.every(
        `${options.digestCheckSeconds} seconds`,
        JOB_NAMES.postDigests,
        undefined,
        {
          skipImmediate: true,
        },
      );
      logger.info({ every: options.leaderboardRefreshSeconds }, 'background jobs started');
    },

    async stop() {
      await agenda.stop();
    },
  };
}

/** Defines a job that logs how it went; a failed run is retried at its next interval. */
function define(
  agenda: Agenda,
  name: string,
  report: { logger: Logger; onJobRun: NonNullable<SchedulerOptions['onJobRun']> },
  run: (job: Job) => Promise<void>,
): void {
  const { logger, onJobRun } = report;
  agenda.define(name, async (job: Job) => {
    const started = Date.now();
    try {
      await run(job);
      onJobRun(name, 'ok');
      logger.debug({ job: name, ms: Date.now() - started }, 'job done');
    } catch (error) {
      onJobRun(name, 'failed');
      logger.error({ job: name, err: error }, 'job failed');
      throw error;
    }
  });
}
