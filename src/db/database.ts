/** Connects to MongoDB, or starts the embedded database when no MongoDB is configured. */
import { MongoClient, type Db } from 'mongodb';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../core/shared/logger.js';
import { ensureIndexes, toCollections, type Collections } from './collections.js';
import { ensureFerretdbBinary } from './ferretdb/ferretdb-binary.js';
import { startEmbeddedDatabase } from './ferretdb/embedded-ferretdb.js';

/** The project folder, where the embedded database's program is built. */
export const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface DatabaseOptions {
  /** A MongoDB connection string; without one the embedded database is started. */
  uri: string | undefined;
  databaseName: string;
  dataDir: string;
  logger: Logger;
}

/** An open database with its collections. */
export interface Database {
  client: MongoClient;
  db: Db;
  collections: Collections;
  /** Whether the embedded database serves it. */
  embedded: boolean;
  /** The connection string, e.g. for another process to join the embedded database. */
  uri: string;
  /** Closes the connection and stops the embedded database, if any. */
  close(): Promise<void>;
}

/** Requests fail after this long without a server, so that callers can answer 503 in time. */
const SERVER_SELECTION_TIMEOUT_MS = 5000;

/** A server that stops answering fails a request after this long instead of holding it. */
const SOCKET_TIMEOUT_MS = 20_000;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.logger.child({ module: 'database' });
  const embedded = options.uri
    ? null
    : await startEmbeddedDatabase({
        binary: await ensureFerretdbBinary(PROJECT_DIR, options.logger),
        dataDir: options.dataDir,
        logger: options.logger,
      });

  const uri = options.uri ?? embedded!.uri;
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: SERVER_SELECTION_TIMEOUT_MS,
    socketTimeoutMS: SOCKET_TIMEOUT_MS,
    appName: 'community-profile-bot',
  });
  try {
    await client.connect();
    const db = client.db(options.databaseName);
    const collections = toCollections(db);
    await ensureIndexes(collections);
    logger.info({ database: options.databaseName, embedded: embedded !== null }, 'database ready');

    return {
      client,
      db,
      collections,
      embedded: embedded !== null,
      uri,
      async close() {
        await client.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await client.close().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
}
