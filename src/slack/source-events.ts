/**
 * Events API listeners for the Slack-native sources: messages and reactions, parsed at the edge
 * and handed to the core. Slack retries an event it thinks failed (X-Slack-Retry-Num); the core
 * derives its event ids from Slack's ids, so a retry changes nothing.
 */
import type { App, webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../core/shared/logger.js';
import type { LookupMessage, SlackReaction } from '../core/slack-sources/slack-events.js';
import type { SlackActivity } from '../core/slack-sources/record-slack-activity.js';
import { toSlackRequester } from './slack-identity.js';

export interface SourceEventsOptions {
  slackActivity: SlackActivity;
  logger: Logger;
}

const SLACK_TS = z.string().regex(/^\d{1,12}\.\d{1,9}$/);

const MESSAGE = z.object({
  channel: z.string().min(1),
  ts: SLACK_TS,
  user: z.string().optional(),
  subtype: z.string().optional(),
  thread_ts: SLACK_TS.optional(),
  bot_id: z.string().optional(),
});

const REACTION = z.object({
  user: z.string().min(1),
  reaction: z.string().min(1).max(200),
  item: z.object({ type: z.literal('message'), channel: z.string().min(1), ts: SLACK_TS }),
  event_ts: SLACK_TS,
});

/** What conversations.replies answers that the sources need. */
const REPLIES = z.object({
  messages: z
    .array(
      z.object({
        ts: z.string(),
        user: z.string().optional(),
        thread_ts: z.string().optional(),
        parent_user_id: z.string().optional(),
      }),
    )
    .default([]),
});

/** Listens to messages and reactions for the tenant's Slack-native sources. */
export function registerSourceEvents(app: App, options: SourceEventsOptions): void {
  const { slackActivity } = options;
  const logger = options.logger.child({ module: 'slack-sources' });

  app.event('message', async ({ event, body }) => {
    const parsed = MESSAGE.safeParse(event);
    const message = parsed.success ? parsed.data : null;
    const requester = toSlackRequester({ ...body, user_id: message?.user });
    if (!message || !requester) return handled('message', null);

    await slackActivity.recordMessage({
      tenant: requester.tenant,
      channel: message.channel,
      ts: message.ts,
      user: requester.userId,
      subtype: message.subtype ?? null,
      threadTs: message.thread_ts ?? null,
      fromBot: message.bot_id !== undefined,
    });
    handled('message', requester.tenant);
  });

  for (const name of ['reaction_added', 'reaction_removed'] as const) {
    app.event(name, async ({ event, body, client }) => {
      const parsed = REACTION.safeParse(event);
      const requester = parsed.success
        ? toSlackRequester({ ...body, user_id: parsed.data.user })
        : null;
      if (!parsed.success || !requester) return handled(name, null);

      const { item, reaction, event_ts } = parsed.data;
      const input: SlackReaction = {
        tenant: requester.tenant,
        change: name === 'reaction_added' ? 'added' : 'removed',
        channel: item.channel,
        ts: item.ts,
        reactor: requester.userId,
        reaction,
        eventTs: event_ts,
      };
      await slackActivity.recordReaction(input, lookupMessage(client, item.channel, item.ts));
      handled(name, requester.tenant);
    });
  }

  /** One line per event taken in, also for events that earned nothing. */
  function handled(event: string, tenant: string | null) {
    logger.debug({ event, tenant }, 'slack event handled');
  }
}

/**
 * Reads the message a reaction names (scopes channels:history and groups:history). Reaction
 * events name only the message's timestamp; a reply is found with conversations.replies,
 * which also says who started its thread.
 */
function lookupMessage(client: webApi.WebClient, channel: string, ts: string): LookupMessage {
  return async () => {
    const answer = await client.conversations.replies({
      channel,
      ts,
      oldest: ts,
      latest: ts,
      inclusive: true,
      limit: 2,
    });
    const { messages } = REPLIES.parse(answer);
    const message = messages.find((candidate) => candidate.ts === ts);
    if (!message) return null;

    const threadTs = message.thread_ts ?? null;
    const parent = messages.find((candidate) => candidate.ts === threadTs);
    return {
      author: message.user ?? null,
      threadTs,
      threadStarter: message.parent_user_id ?? parent?.user ?? null,
    };
  };
}
