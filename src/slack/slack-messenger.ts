/**
 * Messages in Slack: to a member by posting to the user id, which opens the bot's direct
 * message, and to a channel by its id.
 */
import type { webApi } from '@slack/bolt';
import type { ChatMessenger } from '../core/connections/ports.js';
import type { View } from '../core/profile/profile-view.js';
import { presentSlackMessage } from './present/present-slack.js';

export function createSlackMessenger(
  clientFor: (tenant: string) => Promise<webApi.WebClient>,
): ChatMessenger {
  /** Posts to a channel id, or to a user id, which Slack answers with the direct message. */
  async function post(tenant: string, channel: string, view: View) {
    const client = await clientFor(tenant);
    const posted = await client.chat.postMessage({ channel, ...presentSlackMessage(view) });
    if (!posted.channel || !posted.ts) return null;
    return { conversation: posted.channel, message: posted.ts };
  }

  return {
    sendToMember: post,
    postToChannel: post,

    async update(tenant, ref, view) {
      const client = await clientFor(tenant);
      await client.chat.update({
        channel: ref.conversation,
        ts: ref.message,
        ...presentSlackMessage(view),
      });
    },
  };
}
