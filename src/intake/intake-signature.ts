/**
 * Authenticates intake requests: `X-Profile-Signature: v1=<hex>` is HMAC-SHA256 with the
 * source's secret over `v1:<timestamp>:<raw body>` (SPEC §12).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IntakeSource } from '../config.js';

/** How far the timestamp may be from now; older requests may be replays. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

const UNRECOGNISED = 'X-Profile-Source and X-Profile-Signature do not match a configured source';

export type SignatureCheck = { ok: true; source: IntakeSource } | { ok: false; reason: string };

export interface SignedRequest {
  sourceName: string | undefined;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
}

/** The signature a source puts on a body, for senders and tests. */
export function signIntakeBody(secret: string, timestamp: number, rawBody: string | Buffer) {
  const hmac = createHmac('sha256', secret);
  hmac.update(`v1:${timestamp}:`);
  hmac.update(rawBody);
  return `v1=${hmac.digest('hex')}`;
}

export function checkIntakeSignature(
  request: SignedRequest,
  sources: readonly IntakeSource[],
  now: Date,
): SignatureCheck {
  const { sourceName, timestamp, signature } = request;
  if (!sourceName || !timestamp || !signature) {
    return fail('X-Profile-Source, X-Profile-Timestamp and X-Profile-Signature are required');
  }

  // An unknown source and a wrong signature get the same answer, so names cannot be probed.
  const source = sources.find((candidate) => candidate.name === sourceName);
  if (!source) return fail(UNRECOGNISED);

  const seconds = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
  if (
    !Number.isFinite(seconds) ||
    Math.abs(now.getTime() / 1000 - seconds) > MAX_CLOCK_SKEW_SECONDS
  ) {
    return fail('X-Profile-Timestamp is not within five minutes of now');
  }

  const expected = Buffer.from(signIntakeBody(source.secret, seconds, request.rawBody));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail(UNRECOGNISED);
  }
  return { ok: true, source };
}

function fail(reason: string): SignatureCheck {
  return { ok: false, reason };
}
