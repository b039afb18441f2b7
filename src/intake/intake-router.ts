/** `POST /api/v1/events`: the event intake API of SPEC §12. */
import express, { Router, type Request, type Response } from 'express';
import type { IntakeSource } from '../config.js';
import { isAppError } from '../core/errors.js';
import type { Scoring } from '../core/scoring/record-activity.js';
import type { Clock } from '../core/shared/clock.js';
import type { Logger } from '../core/shared/logger.js';
import type { TenantDirectory } from '../core/tenants/tenant.js';
import type { Metrics } from '../metrics/metrics.js';
import type { MemberRepository } from '../core/members/ports.js';
import type { LedgerRepository } from '../core/scoring/ports.js';
import { checkIntakeSignature } from './intake-signature.js';
import { findMismatchedReversals } from './reversal-subjects.js';
import { parseIntakeBody } from './intake-schema.js';

/** Bodies over 1 MiB are refused with 413 before they are read further. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface IntakeRouterOptions {
  sources: readonly IntakeSource[];
  scoring: Scoring;
  ledger: Pick<LedgerRepository, 'findRecordedEvent'>;
  members: Pick<MemberRepository, 'findByEmail'>;
  tenants: TenantDirectory;
  clock: Clock;
  logger: Logger;
  metrics?: Pick<Metrics, 'countIntakeEvents'>;
}

export function createIntakeRouter(options: IntakeRouterOptions): Router {
  const logger = options.logger.child({ module: 'intake' });
  const router = Router();

  router.post(
    '/api/v1/events',
    // Compressed bodies are refused: the signature covers the bytes as sent (SPEC §12).
    express.raw({ type: () => true, limit: MAX_BODY_BYTES, inflate: false }),
    async (request: Request, response: Response) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const check = checkIntakeSignature(
        {
          sourceName: request.get('x-profile-source'),
          timestamp: request.get('x-profile-timestamp'),
          signature: request.get('x-profile-signature'),
          rawBody,
        },
        options.sources,
        options.clock.now(),
      );
      if (!check.ok) {
        logger.warn({ reason: check.reason }, 'intake request refused');
        response.status(401).json({ error: 'unauthorized', message: check.reason });
        return;
      }

      const body = parseJson(rawBody);
      if (body === INVALID_JSON) {
        const problem = { path: '(body)', message: 'is not valid JSON in UTF-8' };
        response.status(400).json(invalid([problem]));
        return;
      }

      const { source } = check;
      const settings = await options.tenants.get(source.tenant);
      const parsed = parseIntakeBody(body, {
        tenant: source.tenant,
        source: source.name,
        catalog: settings.catalog,
        now: options.clock.now(),
      });
      if (!parsed.ok) {
        logger.warn({ source: source.name, issues: parsed.issues.length }, 'intake body invalid');
        response.status(400).json(invalid(parsed.issues));
        return;
      }

      const mismatched = await findMismatchedReversals(parsed.events, options);
      if (mismatched.length > 0) {
        logger.warn({ source: source.name, issues: mismatched.length }, 'reversal mismatched');
        response.status(400).json(invalid(mismatched));
        return;
      }

      try {
        const results = await options.scoring.recordEvents(parsed.events);
        options.metrics?.countIntakeEvents(results);
        response.json({ results });
      } catch (error) {
        const reversalError =
          isAppError(error, 'unknown_reversal_target') || isAppError(error, 'invalid_reversal');
        if (!reversalError) throw error;
        const eventId = error.details?.eventId;
        const index = parsed.events.findIndex((event) => event.eventId === eventId);
        const path =
          index >= 0 && parsed.events.length > 1 ? `events.${index}.reverses` : 'reverses';
        response.status(400).json(invalid([{ path, message: error.message }]));
      }
    },
  );
  return router;
}

const INVALID_JSON = Symbol('invalid JSON');

/** Refuses bytes that are not UTF-8, which would otherwise be read as U+FFFD, alike. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(rawBody)) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

function invalid(issues: { path: string; message: string }[]) {
  return { error: 'invalid_request', message: 'the request was not stored', issues };
}
