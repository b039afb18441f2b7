/**
 * The embedded database runs on SQLite, which refuses a write with SQLITE_BUSY when another
 * write holds its lock at the wrong moment, instead of waiting. Such a write changed nothing, so
 * trying it again is safe; MongoDB never answers this way, so there it costs nothing.
 */
import type { Collection, Document } from 'mongodb';

const WRITE_METHODS = new Set([
  'insertOne',
  'insertMany',
  'updateOne',
  'updateMany',
  'replaceOne',
  'deleteOne',
  'deleteMany',
  'bulkWrite',
  'createIndex',
]);

const MAX_ATTEMPTS = 20;

/** Whether the error is SQLite's "database is locked", passed on by FerretDB. */
export function isBusyError(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.includes('SQLITE_BUSY');
}

/** The collection, with its writes tried again while the embedded database answers busy. */
export function withBusyRetry<T extends Document>(collection: Collection<T>): Collection<T> {
  return new Proxy(collection, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function' || !WRITE_METHODS.has(String(property))) return value;
      return (...args: unknown[]) =>
        retryWhileBusy(() => value.apply(target, args) as Promise<unknown>);
    },
  });
}

async function retryWhileBusy<R>(write: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isBusyError(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 5 * Math.random()));
    }
  }
}
