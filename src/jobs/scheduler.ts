/**
 * Background jobs on Agenda, stored in the product's own database. Any number of instances may
 * run it: Agenda hands each due job to one of them, and every job is written so that a second
 * run changes nothing, because on the embedded database that hand-out is not strictly exclusive.
 */
import { MongoBackend } from '@agendajs/mongo-backend';
import { Agenda, type Job } from 'agenda';
import type { Db } from 'mongodb';
import { createInFlight } from '../core/shared/in-flight.js';
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
  /**
   * Stops taking jobs and waits, up to `drainMs`, for the running ones to finish; the lock of
   * one still running after that is left to run out, and another instance takes the job.
   */
  stop(drainMs: number): Promise<void>;
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

  const runs = createInFlight();
  let stopping = false;
  const report = { logger, onJobRun: options.onJobRun ?? (() => undefined) };
  const define = (name: string, lockLifetime: number, run: (job: Job) => Promise<void>) => {
    agenda.define(
      name,
      async (job: Job) => {
        // A stopping instance starts nothing new: the next interval runs it elsewhere.
        if (!stopping) await runs.track(runReported(name, report, () => run(job)));
      },
      { lockLifetime },
    );
  };
  define(JOB_NAMES.refreshLeaderboards, REFRESH_LOCK_LIFETIME_MS, (job) =>
    options.refreshLeaderboards(keepAlive(job)),
  );
  define(JOB_NAMES.postDigests, DIGEST_LOCK_LIFETIME_MS, (job) =>
    options.postDueDigests(keepAlive(job)),
  );

  return {
    async start() {
      await agenda.start();
      const { leaderboardRefreshSeconds, digestCheckSeconds } = options;
      await agenda.every(`${leaderboardRefreshSeconds} seconds`, JOB_NAMES.refreshLeaderboards);
      // Not at once on start: a restarting instance catches up at its first interval.
      await agenda.every(`${digestCheckSeconds} seconds`, JOB_NAMES.postDigests, undefined, {
        skipImmediate: true,
      });
      const every = { leaderboards: leaderboardRefreshSeconds, digests: digestCheckSeconds };
      logger.info({ every }, 'background jobs started');
    },

    async stop(drainMs) {
      stopping = true;
      const unfinished = await runs.drain(drainMs);
      if (unfinished > 0) logger.warn({ unfinished }, 'jobs left running at stop');
      // Releases the locks this instance holds, of jobs it took but did not run.
      await agenda.stop(false);
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

/** Runs a job and logs how it went; a failed run is retried at its next interval. */
async function runReported(
  name: string,
  report: { logger: Logger; onJobRun: NonNullable<SchedulerOptions['onJobRun']> },
  run: () => Promise<void>,
): Promise<void> {
  const { logger, onJobRun } = report;
  const started = Date.now();
  try {
    await run();
    onJobRun(name, 'ok');
    logger.debug({ job: name, ms: Date.now() - started }, 'job done');
  } catch (error) {
    onJobRun(name, 'failed');
    logger.error({ job: name, err: error }, 'job failed');
    throw error;
  }
}
