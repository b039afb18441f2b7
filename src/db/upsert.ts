/** Writes that two processes may run at once: inserts decided by a unique key, and upserts. */
import { isDuplicateKeyError } from './collections.js';

/**
 * Runs an upsert by `_id`, once more if it was refused for a duplicate key: when two processes
 * upsert a missing document at once, both try to insert it and one is refused, and the second
 * try finds the document and updates it. MongoDB retries this itself; FerretDB does not.
 */
export async function upsertTwice(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    await write();
  }
}

/** Runs an insert; false when a document with its key exists already. */
export async function insertOnce(insert: () => Promise<unknown>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}
