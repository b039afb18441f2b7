/** The one HTTP server: health, the intake API, Slack and (later) Teams share it. */
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { isAppError } from '../core/errors.js';
import { isDatabaseOutage } from '../db/database-errors.js';
import type { Logger } from '../core/shared/logger.js';

export interface HttpAppOptions {
  /** Whether the database answers; /readyz reports it. */
  isDatabaseReachable: () => Promise<boolean>;
  /** Adds routes; called in order, before the not-found and error handlers. */
  mounts: ((app: Application) => void)[];
  /** Told of every answered request, e.g. to count it. */
  onResponse?: (path: string, status: number) => void;
  /** Whether the instance is stopping: a request that comes in then is turned away. */
  isStopping?: () => boolean;
  logger: Logger;
}

export function createHttpApp(options: HttpAppOptions): Application {
  const logger = options.logger.child({ module: 'http' });
  const app = express();
  app.disable('x-powered-by');
  app.use((request, response, next) => {
    response.once('finish', () => options.onResponse?.(request.path, response.statusCode));
    next();
  });
  // New connections are refused once the server closes; this turns away a request that comes
  // in on a connection kept alive from before, and closes that connection too.
  app.use((_request, response, next) => {
    if (!options.isStopping?.()) return next();
    response.set({ connection: 'close', 'retry-after': '5' });
    response.status(503).json({ error: 'stopping', message: 'this instance is stopping' });
  });

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    const ready = await options.isDatabaseReachable();
    response.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'database unreachable' });
  });

  for (const mount of options.mounts) mount(app);

  app.use((_request, response) => {
    response.status(404).json({ error: 'not_found', message: 'no such endpoint' });
  });
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (response.headersSent) return next(error);
    const { status, body } = toErrorResponse(error);
    if (status >= 500) logger.error({ err: error, path: request.path }, 'request failed');
    else logger.warn({ path: request.path, status, error: body.error }, 'request refused');
    if (status === 503) response.set('Retry-After', '5');
    response.status(status).json(body);
  });
  return app;
}

/** The status and body for an error: precise for the sender's mistakes, bland for ours. */
function toErrorResponse(error: unknown): {
  status: number;
  body: { error: string; message: string };
} {
  const { type, status, expose, message } = (error ?? {}) as {
    type?: unknown;
    status?: unknown;
    expose?: unknown;
    message?: unknown;
  };
  if (type === 'entity.too.large') {
    return { status: 413, body: { error: 'payload_too_large', message: 'the body is over 1 MiB' } };
  }
  // The body reader's refusals (unsupported encodings, cut-off bodies) are the sender's to fix.
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return { status, body: { error: 'bad_request', message: String(message) } };
  }
  if (isDatabaseOutage(error) || isAppError(error, 'scoring_contention')) {
    return {
      status: 503,
      body: { error: 'unavailable', message: 'the service is unavailable; retry later' },
    };
  }
  return { status: 500, body: { error: 'internal', message: 'something went wrong on our side' } };
}
