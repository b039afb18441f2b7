/**
 * `GET /metrics` in the Prometheus text format, for this instance. With a configured token a
 * scraper must send it as a bearer token; the figures tell much about the community's use.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import type { Registry } from 'prom-client';

export interface MetricsRouterOptions {
  registry: Registry;
  /** The bearer token asked for; null asks for none. */
  token: string | null;
}

export function createMetricsRouter(options: MetricsRouterOptions): Router {
  const router = express.Router();

  router.get('/metrics', async (request, response) => {
    if (options.token !== null && !isBearer(request.get('authorization'), options.token)) {
      response.status(401).set('www-authenticate', 'Bearer').type('text/plain');
      response.send('Send the metrics token as a bearer token.');
      return;
    }
    response.type(options.registry.contentType).send(await options.registry.metrics());
  });
  return router;
}

/** Compares digests, so that neither the length nor the content leaks through timing. */
function isBearer(header: string | undefined, token: string): boolean {
  // The scheme's name is case-insensitive (RFC 9110).
  const given = /^bearer /i.test(header ?? '') ? header!.slice('bearer '.length) : '';
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}
