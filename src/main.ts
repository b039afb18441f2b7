/** Entry point: reads the configuration, starts the product, stops it on SIGTERM or SIGINT. */
import { config as loadDotenv } from 'dotenv';
import { startApp, type RunningApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { isAppError } from './core/errors.js';

loadDotenv({ quiet: true });

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }

  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  // Listened for from the start: a signal during start-up, when the embedded database may be
  // starting, stops the app once it is up, so that nothing it started is left running.
  let app: RunningApp | undefined;
  let stopRequested: string | null = null;
  const stop = async (signal: string) => {
    if (stopRequested !== null && app === undefined) return;
    stopRequested = signal;
    if (!app) return logger.info({ signal }, 'stopping once start-up is done');
    const running = app;
    app = undefined;
    logger.info({ signal }, 'stopping');
    await running.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  try {
    app = await startApp(config, { logger });
  } catch (error) {
    const exposable = isAppError(error) && error.exposable;
    logger.fatal({ err: error }, exposable ? error.message : 'start-up failed');
    process.exitCode = 1;
    return;
  }
  if (stopRequested !== null) await stop(stopRequested);
}

await main();
