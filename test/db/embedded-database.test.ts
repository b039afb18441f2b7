import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import { PROJECT_DIR } from '../../src/db/database.js';
import {
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '../../src/db/ferretdb/embedded-ferretdb.js';
import { ensureFerretdbBinary, ferretdbBinaryPath } from '../../src/db/ferretdb/ferretdb-binary.js';

describe('the embedded database', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function newDataDir(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'embedded-db-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function start(dataDir: string): Promise<EmbeddedDatabase> {
    const database = await startEmbeddedDatabase({
      binary: ferretdbBinaryPath(PROJECT_DIR),
      dataDir,
      logger: silentLogger,
    });
    cleanups.push(() => database.stop());
    return database;
  }

  it('keeps what was written across a restart on the same folder', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const client = await MongoClient.connect(first.uri);
    await client
      .db('kept')
      .collection('things')
      .insertOne({ _id: 'a' as never, value: 1 });
    await client.close();
    await first.stop();

    const second = await start(dataDir);
    const again = await MongoClient.connect(second.uri);
    const found = await again.db('kept').collection('things').findOne({});
    await again.close();

    expect(found).toEqual({ _id: 'a', value: 1 });
  });

  it('starts the database again on the same port when its process dies', async () => {
    const dataDir = await newDataDir();
    const database = await start(dataDir);
    const { pid } = JSON.parse(await readFile(path.join(dataDir, 'ferretdb.json'), 'utf8')) as {
      pid: number;
    };

    process.kill(pid, 'SIGKILL');

    const ping = async () => {
      const client = new MongoClient(database.uri, { serverSelectionTimeoutMS: 1000 });
      try {
        return (await client.db('admin').command({ ping: 1 })).ok as number;
      } catch {
        return 0;
      } finally {
        await client.close();
      }
    };
    await expect.poll(ping, { timeout: 20_000, interval: 250 }).toBe(1);
    const restarted = JSON.parse(await readFile(path.join(dataDir, 'ferretdb.json'), 'utf8'));
    expect(restarted.pid).not.toBe(pid);
  });

  it('lets a second app process join the database running on the same folder', async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const second = await start(dataDir);

    expect(second.uri).toBe(first.uri);
  });

  it('starts afresh when the recorded process is gone', async () => {
    const dataDir = await newDataDir();
    await writeFile(path.join(dataDir, 'ferretdb.json'), JSON.stringify({ pid: 999999, port: 1 }));

    const database = await start(dataDir);
    const client = await MongoClient.connect(database.uri);
    const answer = await client.db('admin').command({ ping: 1 });
    await client.close();

    expect(answer.ok).toBe(1);
  });

  it('says how to use MongoDB instead when Go is not installed', async () => {
    const projectDir = await newDataDir();
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const attempt = ensureFerretdbBinary(projectDir, silentLogger);

      await expect(attempt).rejects.toSatisfy(
        (error) =>
          isAppError(error, 'database_unavailable') &&
          error.message.includes('Go is not installed') &&
          error.message.includes('MONGODB_URI'),
      );
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
