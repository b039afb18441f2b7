/**
 * Posts digests to Teams channels through the conversation references the bot stored when it
 * was installed or used there, and sends admins a direct message in a new one-to-one chat.
 */
import { CardFactory, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { ConversationRepository } from '../core/conversations/conversation.js';
import type { PostOutcome } from '../core/digests/digest-subscription.js';
import type { DigestView } from '../core/digests/digest-view.js';
import { findChannelReference } from './channel-reference.js';
import { presentTeamsDigest } from './present/present-teams-digest.js';

/** Whom the connector's tokens are for, when the bot authenticates. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

/** Wait before trying again when Teams refuses or throttles without saying how long. */
const THROTTLED_RETRY_SECONDS = 60;

export interface TeamsDigestChannelOptions {
  adapter: CloudAdapter;
  /** The bot's app id; empty in local mode. */
  appId: string;
  conversations: Pick<ConversationRepository, 'list'>;
}

export function createTeamsDigestChannel(options: TeamsDigestChannelOptions) {
  const { adapter, appId, conversations } = options;

  return {
    async post(tenant: string, channelId: string, view: DigestView): Promise<PostOutcome> {
      const reference = await findChannelReference(conversations, tenant, channelId);
      if (!reference) return { kind: 'gone', reason: 'conversation_not_stored' };

      const message = presentTeamsDigest(view);
      // The adapter hands errors of the turn to its error hook, which would answer in the
      // channel; the send's own error is kept here instead.
      let failure: { error: unknown } | null = null;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        try {
          await context.sendActivity({
            text: message.text,
            attachments: [CardFactory.adaptiveCard(message.card)],
          });
        } catch (error) {
          failure = { error };
        }
      });
      return failure === null
        ? { kind: 'posted' }
        : toOutcome((failure as { error: unknown }).error);
    },

    async notify(tenant: string, userId: string, text: string): Promise<void> {
      const [any] = await conversations.list(tenant);
      if (!any) throw new Error('no stored conversation to reach the tenant through');
      const reference = any.reference as Partial<ConversationReference>;
      const tenantId = tenant.slice('teams:'.length);
      let failure: { error: unknown } | null = null;
      await adapter.createConversationAsync(
        appId,
        'msteams',
        String(reference.serviceUrl),
        CONNECTOR_AUDIENCE,
        {
          isGroup: false,
          bot: reference.bot!,
          members: [{ id: userId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        },
        async (context) => {
          try {
            await context.sendActivity(text);
          } catch (error) {
            failure = { error };
          }
        },
      );
      if (failure !== null) throw (failure as { error: unknown }).error;
    },
  };
}

/** Errors before a request reached the connector: nothing can have been posted. */
const UNSENT_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * A refusal by the connector (4xx) or a request that never left posted nothing; a 5xx, a
 * timeout or a dropped connection may have, and is thrown.
 */
function toOutcome(error: unknown): PostOutcome {
  const failure = error as { statusCode?: number; code?: string; response?: { headers?: unknown } };
  const status = failure.statusCode;
  if (status === 429) {
    return { kind: 'retry', afterSeconds: retryAfterOf(failure), reason: '429' };
  }
  if (status === 403 || status === 404) return { kind: 'gone', reason: `http_${status}` };
  if (status !== undefined && status >= 400 && status < 500) {
    return { kind: 'retry', afterSeconds: THROTTLED_RETRY_SECONDS, reason: `http_${status}` };
  }
  if (failure.code && UNSENT_ERRORS.has(failure.code)) {
    return { kind: 'retry', afterSeconds: THROTTLED_RETRY_SECONDS, reason: failure.code };
  }
  throw error;
}

/** The Retry-After of a throttled send, in seconds. */
function retryAfterOf(failure: { response?: { headers?: unknown } }): number {
  const headers = failure.response?.headers as
    { get?: (name: string) => string | undefined } | Record<string, string> | undefined;
  const value =
    typeof headers?.get === 'function'
      ? headers.get('retry-after')
      : (headers as Record<string, string> | undefined)?.['retry-after'];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds) : THROTTLED_RETRY_SECONDS;
}
