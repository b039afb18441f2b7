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
  botToken: string;
  apiUrl: string;
}

export function createSlackDigestChannel(options: SlackDigestChannelOptions) {
  const client = new webApi.WebClient(options.botToken, {
    slackApiUrl: options.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: REQUEST_TIMEOUT_MS,
    logLevel: LogLevel.ERROR,
  });

  return {
    async post(channelId: string, view: DigestView): Promise<PostOutcome> {
      try {
        await client.chat.postMessage({ channel: channelId, ...presentSlackDigest(view) });
        return { kind: 'posted' };
      } catch (error) {
        return toOutcome(error);
      }
    },

    /** A direct message: Slack opens the app's chat with the user for a user id. */
    async notify(userId: string, text: string): Promise<void> {
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
