/** Direct messages to members, sent by whichever chat adapter serves the member's platform. */
import type { DirectMessage, DirectMessenger } from '../core/badges/ports.js';
import type { Logger } from '../core/shared/logger.js';

export type ChatPlatform = 'slack' | 'teams';

/** Sends one direct message; `tenant` is the full tenant id, such as `slack:T01`. */
export type DirectMessageSender = (
  tenant: string,
  member: string,
  message: DirectMessage,
) => Promise<void>;

/** A messenger that adapters plug their senders into as they start. */
export interface DirectMessageRouter extends DirectMessenger {
  register(platform: ChatPlatform, sender: DirectMessageSender): void;
  /** Registers how the platform posts to a channel, given the channel's id. */
  registerChannel(platform: ChatPlatform, sender: DirectMessageSender): void;
  /** Posts to a channel of the tenant. */
  post(tenant: string, channel: string, text: string): Promise<void>;
}

export function createDirectMessageRouter(parent: Logger): DirectMessageRouter {
  const logger = parent.child({ module: 'direct-messages' });
  const senders = new Map<string, DirectMessageSender>();
  const channelSenders = new Map<string, DirectMessageSender>();

  return {
    register(platform, sender) {
      senders.set(platform, sender);
    },

    registerChannel(platform, sender) {
      channelSenders.set(platform, sender);
    },

    async post(tenant, channel, text) {
      const sender = channelSenders.get(tenant.slice(0, tenant.indexOf(':')));
      if (!sender) {
        logger.debug({ tenant, channel }, 'no channel posts on this platform');
        return;
      }
      await sender(tenant, channel, { text });
    },

    async send(tenant, member, message) {
      const platform = tenant.slice(0, tenant.indexOf(':'));
      const sender = senders.get(platform);
      if (!sender) {
        logger.debug({ tenant, member, platform }, 'no direct messages on this platform');
        return;
      }
      await sender(tenant, member, message);
    },
  };
}
