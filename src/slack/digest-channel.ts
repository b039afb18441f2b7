/**
 * Posts digests to Slack with a Web API client of its own that never waits out a rate limit:
 * a 429 comes back at once with its Retry-After, and the digest job tries again after it.
 */
import { LogLevel, webApi } from '@slack/bolt';
import type { DigestView } from '../core/digests/digest-view.js';
import type { PostOutcome } from '../core/digests/digest-subscription.js';
import { presentSlackDigest } from './present/present-slack-digest.js';

/** Errors that mean the channel will not take the post however often it is tried. */
const GONE_ERRORS = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'account_inactive',
  'token_revoked',
]);

/** Wait before trying again after an error Slack gave no wait for. */
const ERROR_RETRY_SECONDS = 60;

const REQUEST_TIMEOUT_MS = 10_000;

export interface SlackDigestChannelOptions {
  /** The workspace's bot token: the one configured, or its installation's; null if none. */
  botTokenFor(tenant: string): Promise<string | null>;
  apiUrl: string;
}

export function createSlackDigestChannel(options: SlackDigestChannelOptions) {
  async function clientFor(tenant: string): Promise<webApi.WebClient | null> {
    const token = await options.botTokenFor(tenant);
    if (!token) return null;
    return new webApi.WebClient(token, {
      slackApiUrl: options.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: REQUEST_TIMEOUT_MS,
      logLevel: LogLevel.ERROR,
    });
  }

  return {
    async post(tenant: string, channelId: string, view: DigestView): Promise<PostOutcome> {
      const client = await clientFor(tenant);
      if (!client) return { kind: 'gone', reason: 'not_installed' };
      try {
        await client.chat.postMessage({ channel: channelId, ...presentSlackDigest(view) });
        return { kind: 'posted' };
      } catch (error) {
        return toOutcome(error);
      }
    },

    /** A direct message: Slack opens the app's chat with the user for a user id. */
    async notify(tenant: string, userId: string, text: string): Promise<void> {
      const client = await clientFor(tenant);
      if (!client) throw new Error(`no Slack installation for ${tenant}`);
      await client.chat.postMessage({ channel: userId, text });
    },
  };
}

function toOutcome(error: unknown): PostOutcome {
  const failure = error as { code?: string; retryAfter?: number; data?: { error?: string } };
  if (failure.code === webApi.ErrorCode.RateLimitedError) {
    return {
      kind: 'retry',
      afterSeconds: failure.retryAfter ?? ERROR_RETRY_SECONDS,
      reason: '429',
    };
  }
  const reason = failure.data?.error;
  if (failure.code === webApi.ErrorCode.PlatformError && reason && GONE_ERRORS.has(reason)) {
    return { kind: 'gone', reason };
  }
  if (failure.code === webApi.ErrorCode.PlatformError && reason === 'ratelimited') {
    return { kind: 'retry', afterSeconds: ERROR_RETRY_SECONDS, reason };
  }
  throw error;
}
