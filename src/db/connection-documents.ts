/**
 * The documents of connections, invitations, referrals and e-mail invitations. Each state
 * change is an insert into a unique `_id` (see collections.ts for why), so nothing here is
 * updated in place except the message references of an invitation, written once by its sender.
 */
import type { Collection, Document } from 'mongodb';
import type { Decision, MessageRef } from '../core/connections/connection.js';

/** One connection of two members, keyed by the pair in sorted order. */
export interface ConnectionDocument {
  _id: string;
  tenant: string;
  /** The two members, sorted. */
  members: [string, string];
  createdAt: Date;
}

/** An invitation, keyed by tenant, inviter and invitee. */
export interface InvitationDocument {
  _id: string;
  tenant: string;
  inviter: string;
  invitee: string;
  createdAt: Date;
  inviterMessage: MessageRef | null;
  inviteeMessage: MessageRef | null;
}

/** The answer to an invitation, with the invitation's `_id`: the first answer is the answer. */
export interface InvitationDecisionDocument {
  _id: string;
  tenant: string;
  inviter: string;
  invitee: string;
  decision: Decision;
  decidedAt: Date;
}

/** A member used the bot in a channel others can see. */
export interface MemberChannelDocument {
  _id: string;
  tenant: string;
  member: string;
  channel: string;
}

/** A member's referral code, keyed by tenant and member. */
export interface MemberReferralDocument {
  _id: string;
  tenant: string;
  member: string;
  code: string;
}

/** Who owns a referral code, keyed by the code. */
export interface ReferralCodeDocument {
  _id: string;
  tenant: string;
  member: string;
}

export interface ReferralVisitDocument {
  _id: string;
  tenant: string;
  member: string;
  code: string;
  visitedAt: Date;
}

/** A member who joined through a referral link, keyed by tenant and that member. */
export interface ReferralSignupDocument {
  _id: string;
  tenant: string;
  member: string;
  referrer: string;
  joinedAt: Date;
}

/** The n-th invitation of an address, keyed by tenant, address and n. */
export interface EmailInvitationDocument {
  _id: string;
  tenant: string;
  email: string;
  generation: number;
  invitedBy: string;
  invitedAt: Date;
}

export interface ConnectionCollections {
  connections: Collection<ConnectionDocument>;
  invitations: Collection<InvitationDocument>;
  invitationDecisions: Collection<InvitationDecisionDocument>;
  memberChannels: Collection<MemberChannelDocument>;
  memberReferrals: Collection<MemberReferralDocument>;
  referralCodes: Collection<ReferralCodeDocument>;
  referralVisits: Collection<ReferralVisitDocument>;
  referralSignups: Collection<ReferralSignupDocument>;
  emailInvitations: Collection<EmailInvitationDocument>;
}

export function toConnectionCollections(
  collection: <T extends Document>(name: string) => Collection<T>,
): ConnectionCollections {
  return {
    connections: collection('connections'),
    invitations: collection('invitations'),
    invitationDecisions: collection('invitation_decisions'),
    memberChannels: collection('member_channels'),
    memberReferrals: collection('member_referrals'),
    referralCodes: collection('referral_codes'),
    referralVisits: collection('referral_visits'),
    referralSignups: collection('referral_signups'),
    emailInvitations: collection('email_invitations'),
  };
}

/** The indexes MongoDB serves these lists from; FerretDB scans, which is fine at its scale. */
export async function ensureConnectionIndexes(collections: ConnectionCollections) {
  await Promise.all([
    collections.connections.createIndex({ tenant: 1, members: 1 }),
    collections.invitations.createIndex({ tenant: 1, inviter: 1 }),
    collections.invitations.createIndex({ tenant: 1, invitee: 1 }),
    collections.invitationDecisions.createIndex({ tenant: 1, invitee: 1 }),
    collections.memberChannels.createIndex({ tenant: 1, member: 1 }),
    collections.memberChannels.createIndex({ tenant: 1, channel: 1 }),
    collections.referralVisits.createIndex({ tenant: 1, member: 1 }),
    collections.referralSignups.createIndex({ tenant: 1, referrer: 1 }),
  ]);
}
