/** Errors with a stable code, a flag saying whether users may see the message, and a cause. */

/** Stable error codes; adapters map them to HTTP statuses and chat replies. */
export type ErrorCode =
  'unknown_reversal_target' | 'invalid_reversal' | 'scoring_contention' | 'database_unavailable';

export interface AppErrorOptions {
  /** Whether the message may be shown to the person who asked. */
  exposable?: boolean;
  cause?: unknown;
  /** Facts for the adapter that answers, such as the event the error is about. */
  details?: Record<string, string>;
}

/** An error of the product, with a stable code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly exposable: boolean;
  readonly details: Readonly<Record<string, string>> | undefined;

  constructor(code: ErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.exposable = options.exposable ?? false;
    this.details = options.details;
  }
}

/** Whether the error is an AppError with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
