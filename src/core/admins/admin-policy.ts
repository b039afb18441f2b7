/**
 * Who may use the admin commands of a tenant (SPEC §2, community managers): the members the
 * configuration names for it, plus the members the chat platform reports as workspace admins.
 */
import type { MemberRepository } from '../members/ports.js';

export interface AdminPolicyOptions {
  /** Configured admins: user ids by tenant. */
  configured: Readonly<Record<string, readonly string[]>>;
  members: Pick<MemberRepository, 'findByUserId'>;
}

export interface AdminPolicy {
  /** Whether the member may use the tenant's admin commands. */
  isAdmin(tenant: string, userId: string): Promise<boolean>;
  /** The configured admins of the tenant, e.g. to notify them. */
  configuredAdmins(tenant: string): readonly string[];
}

export function createAdminPolicy(options: AdminPolicyOptions): AdminPolicy {
  const { configured, members } = options;

  return {
    async isAdmin(tenant, userId) {
      if (configured[tenant]?.includes(userId)) return true;
      const member = await members.findByUserId(tenant, userId);
      return member?.platformAdmin === true;
    },

    configuredAdmins(tenant) {
      return configured[tenant] ?? [];
    },
  };
}
