/**
 * Slack's request signatures carry their timestamp, and Bolt refuses one more than five minutes
 * old; one from the future it lets through, and such a request could be replayed for as long
 * as its timestamp lies ahead. This refuses those too, before Bolt reads the request.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../core/shared/logger.js';

/** How far a request's timestamp may be from our clock, as Slack advises for the past. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export function refuseFutureRequests(logger: Logger, now: () => number = Date.now) {
  return (request: Request, response: Response, next: NextFunction) => {
    const timestamp = Number(request.get('x-slack-request-timestamp'));
    const ahead = timestamp - Math.floor(now() / 1000);
    if (!Number.isFinite(timestamp) || ahead <= MAX_CLOCK_SKEW_SECONDS) return next();

    logger.warn({ ahead }, 'slack request refused: timestamp in the future');
    response.status(401).type('text/plain').send('The request timestamp is in the future.');
  };
}
