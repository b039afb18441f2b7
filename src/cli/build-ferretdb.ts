/** `npm run db:build`: builds the embedded database's program now rather than at first start. */
import { PROJECT_DIR } from '../db/database.js';
import { ensureFerretdbBinary } from '../db/ferretdb/ferretdb-binary.js';
import { createLogger } from '../logger.js';

const logger = createLogger({ level: 'info', format: process.stdout.isTTY ? 'pretty' : 'json' });
const binary = await ensureFerretdbBinary(PROJECT_DIR, logger);
logger.info({ binary }, 'embedded database program ready');
