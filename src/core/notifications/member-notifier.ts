/**
 * Telling one member something without being asked, such as a penalty: each chat platform
 * registers how it sends a direct message, and a tenant's platform is its id's prefix.
 */
import type { View } from '../profile/profile-view.js';

/** Sends a view to a member directly; false when the platform could not reach them. */
export type DirectMessageSender = (tenant: string, userId: string, view: View) => Promise<boolean>;

export interface MemberNotifier {
  /** Sends the view to the member; false when no platform of the tenant could. */
  notify(tenant: string, userId: string, view: View): Promise<boolean>;
  /** Registers the sender of a platform: "slack" for tenants written `slack:<id>`. */
  register(platform: string, sender: DirectMessageSender): void;
}

export function createMemberNotifier(): MemberNotifier {
  const senders = new Map<string, DirectMessageSender>();

  return {
    async notify(tenant, userId, view) {
      const sender = senders.get(tenant.split(':')[0]!);
      return sender ? sender(tenant, userId, view) : false;
    },

    register(platform, sender) {
      senders.set(platform, sender);
    },
  };
}
