import { describe, expect, it } from 'vitest';
import { createAdminPolicy } from '../../../src/core/admins/admin-policy.js';
import type { Member } from '../../../src/core/members/member.js';

function buildMember(overrides: Partial<Member> = {}): Member {
  return {
    tenant: 'slack:T1',
    userId: 'U1',
    displayName: 'Ada',
    email: null,
    company: null,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    contactCheckedAt: null,
    platformAdmin: false,
    ...overrides,
  };
}

function buildPolicy(stored: Member[], configured: Record<string, string[]> = {}) {
  return createAdminPolicy({
    configured,
    members: {
      findByUserId: async (tenant, userId) =>
        stored.find((member) => member.tenant === tenant && member.userId === userId) ?? null,
    },
  });
}

describe('createAdminPolicy', () => {
  it('counts a configured admin only in the tenant that names them', async () => {
    const policy = buildPolicy([], { 'slack:T1': ['U1'] });

    expect(await policy.isAdmin('slack:T1', 'U1')).toBe(true);
    expect(await policy.isAdmin('slack:T2', 'U1')).toBe(false);
  });

  it('counts a member the platform reports as a workspace admin', async () => {
    const policy = buildPolicy([buildMember({ userId: 'U2', platformAdmin: true })]);

    expect(await policy.isAdmin('slack:T1', 'U2')).toBe(true);
  });

  it('refuses an ordinary member and an unknown one', async () => {
    const policy = buildPolicy([buildMember()]);

    expect(await policy.isAdmin('slack:T1', 'U1')).toBe(false);
    expect(await policy.isAdmin('slack:T1', 'U404')).toBe(false);
  });
});
