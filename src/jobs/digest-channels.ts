/** Sends each digest to the platform of its tenant: Slack for `slack:`, Teams for `teams:`. */
import type { DigestChannels } from '../core/digests/digest-subscription.js';
import type { createSlackDigestChannel } from '../slack/digest-channel.js';
import type { createTeamsDigestChannel } from '../teams/digest-channel.js';

export interface DigestChannelsOptions {
  /** Null when Slack is not configured. */
  slack: ReturnType<typeof createSlackDigestChannel> | null;
  teams: ReturnType<typeof createTeamsDigestChannel>;
}

export function createDigestChannels(options: DigestChannelsOptions): DigestChannels {
  function slack() {
    if (!options.slack) throw new Error('Slack is not configured; the digest waits for it');
    return options.slack;
  }

  return {
    async post(subscription, view, key) {
      const { tenant, channelId } = subscription;
      if (tenant.startsWith('slack:')) return slack().post(tenant, channelId, view, key);
      return options.teams.post(tenant, channelId, view);
    },

    async findPosted(subscription, key, since) {
      const { tenant, channelId } = subscription;
      if (tenant.startsWith('slack:')) return slack().findPosted(tenant, channelId, key, since);
      // A bot reads no channel history in Teams: the question has no answer there.
      return 'unknown';
    },

    async notify(tenant, userId, text) {
      if (tenant.startsWith('slack:')) return slack().notify(tenant, userId, text);
      return options.teams.notify(tenant, userId, text);
    },
  };
}
