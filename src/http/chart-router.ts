/** `GET /charts/<token>.png`: a chart image, while it has not expired. */
import { Router } from 'express';
import type { Clock } from '../core/shared/clock.js';
import type { ChartImageRepository } from '../db/chart-image-repository.js';

export interface ChartRouterOptions {
  images: Pick<ChartImageRepository, 'findPng'>;
  clock: Clock;
}

/** Tokens as chart images make them; anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** An image never changes under its token, so caches may keep it for a day. */
const CACHE_CONTROL = 'public, max-age=86400, immutable';

export function createChartRouter(options: ChartRouterOptions): Router {
  const router = Router();

  router.get('/charts/:file', async (request, response, next) => {
    try {
      const token = request.params.file.replace(/\.png$/, '');
      const valid = request.params.file.endsWith('.png') && TOKEN.test(token);
      const png = valid ? await options.images.findPng(token, options.clock.now()) : null;
      if (!png) {
        response.status(404).json({ error: 'not_found', message: 'no such chart image' });
        return;
      }
      response.set('Cache-Control', CACHE_CONTROL).type('image/png').send(png);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
