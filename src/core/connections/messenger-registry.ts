/**
 * One messenger for every platform: the Slack and Teams adapters register theirs when they
 * start, and a tenant's prefix (`slack:`, `teams:`) says which one reaches its members.
 */
import type { ChatMessenger } from './ports.js';

export type Platform = 'slack' | 'teams';

export interface MessengerRegistry extends ChatMessenger {
  register(platform: Platform, messenger: ChatMessenger): void;
}

export function createMessengerRegistry(): MessengerRegistry {
  const byPlatform = new Map<string, ChatMessenger>();
  const platformOf = (tenant: string) => byPlatform.get(tenant.split(':')[0] ?? '');

  return {
    register(platform, messenger) {
      byPlatform.set(platform, messenger);
    },

    async sendToMember(tenant, member, view) {
      return (await platformOf(tenant)?.sendToMember(tenant, member, view)) ?? null;
    },

    async update(tenant, message, view) {
      await platformOf(tenant)?.update(tenant, message, view);
    },

    async postToChannel(tenant, channel, view) {
      return (await platformOf(tenant)?.postToChannel(tenant, channel, view)) ?? null;
    },
  };
}
