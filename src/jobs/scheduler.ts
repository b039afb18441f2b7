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
  /** Refreshes the leaderboards, calling `keepAlive` as it goes, like the digests. */
  refreshLeaderboards(keepAlive: () => Promise<void>): Promise<void>;
  /**
   * Posts the digests that are due; a second run at once posts nothing twice. It calls
   * `keepAlive` as it goes, so that its lock stays its own while it works.
   */
  postDueDigests(keepAlive: () => Promise<void>): Promise<void>;
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

/**
 * How long the digest job's lock outlives its last sign of life. Short, because an instance
 * that dies mid-run holds the lock until then and no digest goes out meanwhile; a long run
 * keeps its lock by touching the job. A run that outlives it anyway is harmless: another
 * instance may then run the job alongside, and the digests' claims keep every post single.
 */
const DIGEST_LOCK_LIFETIME_MS = 30_000;

/**
 * The same for the leaderboard refresh, which touches its lock after each tenant: long enough
 * for one tenant at community scale (about half a minute for 50,000 members), short next to
 * Agenda's default of ten minutes without a refresh after a crash. Two refreshes at once write
 * the same boards.
 */
const REFRESH_LOCK_LIFETIME_MS = 5 * 60_000;

/** A running digest job touches its lock at most this often. */
const KEEP_ALIVE_EVERY_MS = 10_000;

export function createScheduler(options: SchedulerOptions): Scheduler {
  const logger = options.logger.child({ module: 'jobs' });
  const agenda = new Agenda({
    backend: new MongoBackend({ mongo: options.db, collection: JOBS_COLLECTION }),
    processEvery: POLL_INTERVAL,
  });
  agenda.on('error', (error: unknown) => logger.error({ err: error }, 'job scheduler failed'));

  const report = { logger, onJobRun: options.onJobRun ?? (() => undefined) };
  define(
    agenda,
    JOB_NAMES.refreshLeaderboards,
    report,
    (job) => options.refreshLeaderboards(keepAlive(job)),
    {
      lockLifetime: REFRESH_LOCK_LIFETIME_MS,
    },
  );
  define(agenda, JOB_NAMES.postDigests, report, (job) => options.postDueDigests(keepAlive(job)), {
    lockLifetime: DIGEST_LOCK_LIFETIME_MS,
  });

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

/** Touches the job's lock when the last touch is long enough ago. */
function keepAlive(job: Job): () => Promise<void> {
  let touchedAt = Date.now();
  return async () => {
    if (Date.now() - touchedAt < KEEP_ALIVE_EVERY_MS) return;
    touchedAt = Date.now();
    await job.touch();
  };
}

/** Defines a job that logs how it went; a failed run is retried at its next interval. */
function define(
  agenda: Agenda,
  name: string,
  report: { logger: Logger; onJobRun: NonNullable<SchedulerOptions['onJobRun']> },
  run: (job: Job) => Promise<void>,
  definition: { lockLifetime?: number } = {},
): void {
  const { logger, onJobRun } = report;
  agenda.define(
    name,
    async (job: Job) => {
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
    },
    definition,
  );
}
