/** Starts and stops the whole product: database, HTTP server, chat adapters. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { systemClock, type Clock } from './core/shared/clock.js';
import type { Logger } from './core/shared/logger.js';
import { openDatabase, type Database } from './db/database.js';
import { createSecretBox } from './db/secret-box.js';
import { createSlackInstallationStore } from './db/slack-installation-store.js';
import { createHttpApp } from './http/http-app.js';
import { createIntakeRouter } from './intake/intake-router.js';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createPostDigests, type PostDigests } from './core/digests/post-digests.js';
import { createDigestChannels } from './jobs/digest-channels.js';
import { createReferralRouter } from './http/referral-router.js';
import { createChartRouter } from './http/chart-router.js';
import { createMetricsRouter } from './http/metrics-router.js';
import { createScheduler } from './jobs/scheduler.js';
import { toOutcome, toSurface } from './metrics/metrics.js';
import { createSlackDigestChannel } from './slack/digest-channel.js';
import { createTeamsDigestChannel } from './teams/digest-channel.js';
import { createServices, type Services } from './services.js';
import { createSlackAdapter, type SlackAdapter } from './slack/slack-app.js';
import { createTeamsAdapter } from './teams/teams-adapter.js';

/**
 * How long a stopping instance waits for acknowledged Slack work and running jobs: inside the
 * 30 seconds a process manager such as systemd gives by default before it kills.
 */
const DRAIN_MS = 20_000;

/** Of that, how long requests still being received or answered get before they are cut. */
const HTTP_CLOSE_MS = 8_000;

/** And then how long acknowledged Slack work gets, which those requests may have started. */
const SLACK_DRAIN_MS = 12_000;

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
}

/** The running product. */
export interface RunningApp {
  port: number;
  database: Database;
  services: Services;
  /** Posts the digests due by the app's clock; the scheduler runs it every minute. */
  digests: PostDigests;
  /** Stops taking requests, finishes the work in flight, then closes the database. */
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: StartOptions): Promise<RunningApp> {
  const { logger } = options;
  const clock = options.clock ?? systemClock;
  const database = await openDatabase({
    uri: config.mongodbUri,
    databaseName: config.mongodbDatabase,
    dataDir: config.dataDir,
    logger,
  });

  try {
    const services = createServices(database, config, clock, logger);
    const installations = createInstallations(config, database);
    const slack = createSlack(config, services, installations, logger);
    const teams = createTeamsAdapter({ config: config.teams, ...services, clock, logger });
    const { metrics } = services;
    let stopping = false;
    const httpApp = createHttpApp({
      isStopping: () => stopping,
      isDatabaseReachable: () => isReachable(database),
      onResponse: (path, status) => metrics.countRequest(toSurface(path), toOutcome(status)),
      mounts: [
        (app) =>
          app.use(createMetricsRouter({ registry: metrics.registry, token: config.metricsToken })),
        (app) =>
          app.use(
            createIntakeRouter({ sources: config.intakeSources, ...services, clock, logger }),
          ),
        (app) =>
          app.use(
            createReferralRouter({
              referrals: services.referrals,
              joinUrl: config.referralJoinUrl,
              logger,
            }),
          ),
        (app) => app.use(createChartRouter({ images: services.chartImages, clock })),
        (app) => slack?.mount(app),
        (app) => teams.mount(app),
      ],
      logger,
    });

    const digests = createPostDigests({
      subscriptions: services.digestSubscriptions,
      posts: services.digestPosts,
      channels: createDigestChannels({
        slack: config.slack.enabled
          ? createSlackDigestChannel({
              apiUrl: config.slack.apiUrl,
              botTokenFor: botTokens(config.slack, installations),
            })
          : null,
        teams: createTeamsDigestChannel({ ...teams, conversations: services.conversations }),
      }),
      compose: services.composeDigest,
      owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      clock,
      logger,
    });
    const scheduler = createScheduler({
      db: database.db,
      leaderboardRefreshSeconds: config.leaderboardRefreshSeconds,
      refreshLeaderboards: (keepAlive) => services.leaderboards.refreshAll(keepAlive),
      onJobRun: (job, outcome) => metrics.countJobRun(job, outcome),
      digestCheckSeconds: config.digestCheckSeconds,
      postDueDigests: (keepAlive) => digests.runDue(keepAlive),
      logger,
    });

    const server = await listen(httpApp, config.port);
    await slack?.start();
    await scheduler.start();
    const port = (server.address() as AddressInfo).port;
    logStartup(config, port, logger);
    logger.info({ mode: config.teams.mode }, teams.describe());

    return {
      port,
      database,
      services,
      digests,
      async stop() {
        stopping = true;
        const jobs = scheduler.stop(DRAIN_MS);
        await closeServer(server, HTTP_CLOSE_MS);
        await Promise.all([slack?.stop(SLACK_DRAIN_MS), jobs]);
        await database.close();
        logger.info({}, 'stopped');
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** Where the Slack OAuth distribution keeps its installations; none for one workspace. */
function createInstallations(config: Config, database: Database) {
  if (!config.slack.enabled || config.slack.mode !== 'oauth') return undefined;
  const box = createSecretBox(config.slack.encryptionKey);
  return createSlackInstallationStore(database.collections, box);
}

/** The bot token of a workspace, for posts that no request of that workspace carries. */
function botTokens(
  slack: Extract<Config['slack'], { enabled: true }>,
  installations: ReturnType<typeof createInstallations>,
): (tenant: string) => Promise<string | null> {
  if (slack.mode !== 'oauth') return async () => slack.botToken;
  return (tenant) => installations!.fetchBotToken(tenant);
}

function createSlack(
  config: Config,
  services: Services,
  installations: ReturnType<typeof createInstallations>,
  logger: Logger,
): SlackAdapter | null {
  if (!config.slack.enabled) return null;
  return createSlackAdapter({ config: config.slack, ...services, installations, logger });
}

function listen(app: ReturnType<typeof createHttpApp>, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port);
    server.once('listening', () => resolve(server));
    server.once('error', reject);
  });
}

/**
 * Stops taking connections and ends each kept-alive one as soon as it is idle (a client could
 * otherwise keep sending on it); a request still being received after `timeoutMs` is cut off.
 */
function closeServer(server: Server, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweeper = setInterval(() => server.closeIdleConnections(), 100);
    const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
    server.close(() => {
      clearInterval(sweeper);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** A readiness probe must answer soon: a database that hangs counts as unreachable. */
const READY_TIMEOUT_MS = 2_000;

async function isReachable(database: Database): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>(
    (resolve) => (timer = setTimeout(resolve, READY_TIMEOUT_MS, false)),
  );
  const ping = database.db.command({ ping: 1 }).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function logStartup(config: Config, port: number, logger: Logger) {
  logger.info({ port, publicBaseUrl: config.publicBaseUrl }, `listening on port ${port}`);
  logger.info(
    { sources: config.intakeSources.map((source) => source.name) },
    config.intakeSources.length > 0
      ? 'event intake enabled at /api/v1/events'
      : 'event intake has no sources: set INTAKE_SOURCES to accept events',
  );
  if (!config.slack.enabled) logger.warn({}, `Slack is disabled: ${config.slack.reason}`);
}
