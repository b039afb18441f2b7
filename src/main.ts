/** Entry point: reads the configuration, starts the product, stops it on SIGTERM or SIGINT. */
import { config as loadDotenv } from 'dotenv';
import { startApp } from './app.js';
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
  let app;
  try {
    app = await startApp(config, { logger });
  } catch (error) {
    const exposable = isAppError(error) && error.exposable;
    logger.fatal({ err: error }, exposable ? error.message : 'start-up failed');
    process.exitCode = 1;
    return;
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await app.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

await main();
