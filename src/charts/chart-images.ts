/** Publishes chart images: draws the SVG, renders it to PNG and stores it under a token. */
import { randomBytes } from 'node:crypto';
import type { BarChart, ChartImages } from '../core/charts/bar-chart.js';
import type { Clock } from '../core/shared/clock.js';
import type { Logger } from '../core/shared/logger.js';
import type { ChartImageRepository } from '../db/chart-image-repository.js';
import { toBarChartSvg } from '../present/bar-chart-svg.js';
import { renderPng } from './render-png.js';

/**
 * How long an image is served. A stats answer is looked at right away; a digest stays in the
 * channel's history, where Slack and Teams may fetch the image again for a while.
 */
const CHART_LIFETIME_DAYS: Record<BarChart['kind'], number> = { stats: 1, digest: 7 };

/** How often an instance deletes expired images, which the embedded database keeps. */
const PRUNE_INTERVAL_MS = 3_600_000;

/** Tokens of 144 random bits, URL-safe. */
const TOKEN_BYTES = 18;

export interface ChartImagesOptions {
  images: ChartImageRepository;
  /** PUBLIC_BASE_URL, without a trailing slash. */
  publicBaseUrl: string;
  clock: Clock;
  logger: Logger;
}

/** The path an image is served at. */
function toChartPath(token: string): string {
  return `/charts/${token}.png`;
}

export function createChartImages(options: ChartImagesOptions): ChartImages {
  const logger = options.logger.child({ module: 'chart-images' });
  let prunedAt = 0;

  /** Deletes expired images now and then, without holding up the answer. */
  function pruneNowAndThen(now: Date): void {
    if (now.getTime() - prunedAt < PRUNE_INTERVAL_MS) return;
    prunedAt = now.getTime();
    options.images.deleteExpired(now).then(
      (deleted) => logger.debug({ deleted }, 'expired chart images deleted'),
      (error: unknown) => logger.warn({ err: error }, 'expired chart images not deleted'),
    );
  }

  return {
    async publish(tenant, chart) {
      try {
        const png = await renderPng(toBarChartSvg(chart));
        const token = randomBytes(TOKEN_BYTES).toString('base64url');
        const createdAt = options.clock.now();
        const lifetime = CHART_LIFETIME_DAYS[chart.kind] * 86_400_000;
        const expiresAt = new Date(createdAt.getTime() + lifetime);
        await options.images.insert({ token, tenant, png, createdAt, expiresAt });
        pruneNowAndThen(createdAt);
        return `${options.publicBaseUrl}${toChartPath(token)}`;
      } catch (error) {
        // The text bars carry the same figures, so the answer goes out without the image.
        logger.warn({ tenant, kind: chart.kind, err: error }, 'chart image not published');
        return null;
      }
    },
  };
}
