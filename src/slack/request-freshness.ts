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
    const header = request.get('x-slack-request-timestamp');
    // No header is Bolt's to refuse; one that is no whole number of seconds is ours.
    if (header === undefined) return next();
    const timestamp = /^\d{1,12}$/.test(header) ? Number(header) : NaN;
    if (Number.isNaN(timestamp)) {
      logger.warn({}, 'slack request refused: timestamp not a number');
      response.status(401).type('text/plain').send('The request timestamp is not a number.');
      return;
    }
    const ahead = timestamp - Math.floor(now() / 1000);
    if (ahead <= MAX_CLOCK_SKEW_SECONDS) return next();

    logger.warn({ ahead }, 'slack request refused: timestamp in the future');
    response.status(401).type('text/plain').send('The request timestamp is in the future.');
  };
}
