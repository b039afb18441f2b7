/** A person inside a tenant, keyed by the chat platform's user id (SPEC §3). */
import type { Company } from './company.js';

export interface Member {
  tenant: string;
  /** The platform's user id: a Slack user id, or a Teams user's AAD object id. */
  userId: string;
  displayName: string | null;
  /** Lower case; null until the platform tells it. */
  email: string | null;
  company: Company | null;
  createdAt: Date;
  /** When the platform was last asked for name and e-mail; null if never. */
  contactCheckedAt: Date | null;
  /** Whether the chat platform says the member administers the workspace. */
  platformAdmin: boolean;
}

/** How an event names a member: by user id, or by e-mail address for people not seen yet. */
export type MemberAddress = { kind: 'user'; userId: string } | { kind: 'email'; email: string };

/** What the chat platform tells about a member. */
export interface MemberContact {
  displayName: string | null;
  email: string | null;
  /** Whether the platform says the member administers the workspace; absent when it does not say. */
  platformAdmin?: boolean;
}

/** Normalises an e-mail address for lookups. */
export function toEmailKey(email: string): string {
  return email.trim().toLowerCase();
}
