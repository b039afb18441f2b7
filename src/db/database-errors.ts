/** Errors that mean the database cannot be reached now, as opposed to a wrong request. */
import {
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerClosedError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { isAppError } from '../core/errors.js';

/**
 * Socket errors the driver passes on unwrapped when the server goes away mid-write, such as
 * "This socket has been ended by the other party" (EPIPE).
 */
const SOCKET_ERROR_CODES = new Set(['EPIPE', 'ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT']);

export function isDatabaseOutage(error: unknown): boolean {
  return (
    isAppError(error, 'database_unavailable') ||
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNotConnectedError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoServerClosedError ||
    SOCKET_ERROR_CODES.has(String((error as { code?: unknown } | null)?.code))
  );
}
