/** Starts one embedded database for the whole run; each test file uses a database of its own. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { silentLogger } from '../../src/core/shared/logger.js';
import { PROJECT_DIR } from '../../src/db/database.js';
import { startEmbeddedDatabase } from '../../src/db/ferretdb/embedded-ferretdb.js';
import { ensureFerretdbBinary } from '../../src/db/ferretdb/ferretdb-binary.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
  }
}

export default async function setup(project: TestProject) {
  const progress = {
    ...silentLogger,
    info: (_fields: object, message: string) => console.log(message),
    child: () => progress,
  };
  const binary = await ensureFerretdbBinary(PROJECT_DIR, progress);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'profile-bot-test-'));
  const database = await startEmbeddedDatabase({ binary, dataDir, logger: silentLogger });
  project.provide('mongoUri', process.env.TEST_MONGODB_URI ?? database.uri);

  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
