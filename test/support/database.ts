/** A database of its own for each test file, on the run's embedded database. */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import type { Clock } from '../../src/core/shared/clock.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { createServices, type Services } from '../../src/services.js';

/** A database name no other test file uses. */
export function uniqueDatabaseName(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9]/g, '_').slice(0, 30);
  return `t_${safe}_${randomBytes(4).toString('hex')}`;
}

/** Configuration for tests: the run's database, no Slack unless asked. */
export function buildConfig(environment: Record<string, string> = {}): Config {
  return loadConfig({
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DATABASE: uniqueDatabaseName('app'),
    PORT: '0',
    ...environment,
  });
}

export async function openTestDatabase(label: string): Promise<Database> {
  return openDatabase({
    uri: inject('mongoUri'),
    databaseName: uniqueDatabaseName(label),
    dataDir: 'unused',
    logger: silentLogger,
  });
}

/** The product's services on a test database. */
export function buildServices(database: Database, clock: Clock, config = buildConfig()): Services {
  return createServices(database, config, clock, silentLogger);
}
