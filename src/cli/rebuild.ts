/**
 * `npm run rebuild [-- --check]`: recomputes every tenant's totals, category splits and daily
 * sums from the ledger, and every member's badge progress (recording badge levels the ledger
 * shows were reached). With --check it only reports where the stored figures differ.
 */
import { config as loadDotenv } from 'dotenv';
import { loadConfig } from '../config.js';
import { rebuildTenantBadges } from '../core/badges/rebuild-badges.js';
import { rebuildFigures } from '../core/scoring/rebuild-figures.js';
import { systemClock } from '../core/shared/clock.js';
import { openDatabase } from '../db/database.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';

loadDotenv({ quiet: true });

const checkOnly = process.argv.includes('--check');
const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, format: config.logFormat });
const database = await openDatabase({
  uri: config.mongodbUri,
  databaseName: config.mongodbDatabase,
  dataDir: config.dataDir,
  logger,
});

let differing = 0;
try {
  const services = createServices(database, config, systemClock, logger);
  for (const tenant of await services.tenants.listIds()) {
    const { mismatches } = await rebuildFigures(tenant, { ...services, logger, checkOnly });
    for (const mismatch of mismatches) console.log(`${tenant}: ${mismatch}`);
    differing += mismatches.length;
    if (!checkOnly) await rebuildTenantBadges(tenant, { ...services, logger });
  }
  console.log(
    checkOnly
      ? `${differing} stored figure(s) differ from the ledger`
      : `rebuilt; ${differing} stored figure(s) were corrected`,
  );
} finally {
  await database.close();
}
process.exitCode = checkOnly && differing > 0 ? 1 : 0;
