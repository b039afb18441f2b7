/** Sends signed requests to the intake API. */
import { signIntakeBody } from '../../src/intake/intake-signature.js';

export const FORUM_SOURCE = {
  name: 'forum',
  tenant: 'slack:T0TEST',
  secret: 'forum-secret-0123456789',
};

export interface IntakeRequestOptions {
  source?: string;
  secret?: string;
  timestamp?: number;
  signature?: string;
}

/** Posts a body (an object, or raw text) to the intake, signed unless told otherwise. */
export async function postEvents(
  baseUrl: string,
  body: unknown,
  options: IntakeRequestOptions = {},
): Promise<{ status: number; json: Record<string, unknown> }> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature =
    options.signature ?? signIntakeBody(options.secret ?? FORUM_SOURCE.secret, timestamp, raw);
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-profile-source': options.source ?? FORUM_SOURCE.name,
      'x-profile-timestamp': String(timestamp),
      'x-profile-signature': signature,
    },
    body: raw,
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}
