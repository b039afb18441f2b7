/**
 * Posts digests to Slack with a Web API client of its own that never waits out a rate limit:
 * a 429 comes back at once with its Retry-After, and the digest job tries again after it.
 * Each digest carries its key in the message's metadata, so that an attempt after a crash can
 * find in the channel's history whether the crashed attempt's post went out.
 */
import { LogLevel, webApi } from '@slack/bolt';
import type { DigestView } from '../core/digests/digest-view.js';
import type { EarlierPost, PostOutcome } from '../core/digests/digest-subscription.js';
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

/** The metadata event type of a digest message; its payload holds the digest's key. */
export const DIGEST_EVENT_TYPE = 'community_profile_digest';

/** Slack's clock and ours may differ a little: the history is read from a minute earlier. */
const HISTORY_MARGIN_MS = 60_000;

/** The history pages read at most; more messages than this in minutes is not a chat. */
const HISTORY_PAGES = 5;

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
    async post(
      tenant: string,
      channelId: string,
      view: DigestView,
      key: string,
    ): Promise<PostOutcome> {
      const client = await clientFor(tenant);
      if (!client) return { kind: 'gone', reason: 'not_installed' };
      try {
        await client.chat.postMessage({
          channel: channelId,
          ...presentSlackDigest(view),
          metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key } },
        });
        return { kind: 'posted' };
      } catch (error) {
        return toOutcome(error);
      }
    },

    async findPosted(
      tenant: string,
      channelId: string,
      key: string,
      since: Date,
    ): Promise<EarlierPost> {
      const client = await clientFor(tenant);
      if (!client) return 'unknown';
      try {
        return await searchHistory(client, channelId, key, since);
      } catch (error) {
        // A workspace that refuses the history (a scope removed) cannot tell; a 429 or a
        // network failure is asked again later.
        if ((error as { code?: string }).code === webApi.ErrorCode.PlatformError) return 'unknown';
        throw error;
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

async function searchHistory(
  client: webApi.WebClient,
  channel: string,
  key: string,
  since: Date,
): Promise<EarlierPost> {
  const oldest = ((since.getTime() - HISTORY_MARGIN_MS) / 1000).toFixed(6);
  let cursor: string | undefined;
  for (let page = 0; page < HISTORY_PAGES; page++) {
    const history = await client.conversations.history({
      channel,
      oldest,
      include_all_metadata: true,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    const found = (history.messages ?? []).some((message) => {
      const metadata = message.metadata as { event_type?: string; event_payload?: object };
      const payload = metadata?.event_payload as { key?: unknown } | undefined;
      return metadata?.event_type === DIGEST_EVENT_TYPE && payload?.key === key;
    });
    if (found) return 'posted';

    cursor = history.response_metadata?.next_cursor || undefined;
    if (!cursor) return 'not_posted';
  }
  return 'unknown';
}

/** Slack answered: nothing was posted. Anything else (no answer) is thrown: it may have been. */
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
  if (failure.code === webApi.ErrorCode.PlatformError) {
    return { kind: 'retry', afterSeconds: ERROR_RETRY_SECONDS, reason: reason ?? 'error' };
  }
  throw error;
}
