/** What connections and referrals need from storage and from the chat platforms. */
import type { View } from '../profile/profile-view.js';
import type {
  CandidateProfile,
  Decision,
  Invitation,
  InvitationWithDecision,
  MessageRef,
} from './connection.js';

export interface ConnectionRepository {
  isConnected(tenant: string, a: string, b: string): Promise<boolean>;
  /** Stores the connection of the pair; false when it was stored already. */
  connect(tenant: string, a: string, b: string, now: Date): Promise<boolean>;
  /** The members connected with `member`. */
  listConnections(tenant: string, member: string): Promise<string[]>;
  countConnections(tenant: string, member: string): Promise<number>;
  /** Stores the invitation; 'exists' when that inviter already invited that invitee. */
  addInvitation(invitation: Invitation): Promise<'added' | 'exists'>;
  findInvitation(
    tenant: string,
    inviter: string,
    invitee: string,
  ): Promise<InvitationWithDecision | null>;
  saveMessages(
    invitation: Invitation,
    messages: Partial<Pick<Invitation, 'inviterMessage' | 'inviteeMessage'>>,
  ): Promise<void>;
  /** Records the first answer to an invitation; returns the stored answer and whether it is it. */
  decide(
    invitation: Invitation,
    decision: Decision,
    now: Date,
  ): Promise<{ decision: Decision; first: boolean }>;
  /** Invitations the member sent and received. */
  listInvitations(
    tenant: string,
    member: string,
  ): Promise<{ sent: InvitationWithDecision[]; received: InvitationWithDecision[] }>;
  /** Notes that the member used the bot in a shared channel. */
  recordChannel(tenant: string, member: string, channel: string): Promise<void>;
  listChannels(tenant: string, member: string): Promise<string[]>;
  /** Members seen in any of the channels, with the channel, at most `limit` rows. */
  listChannelMembers(
    tenant: string,
    channels: string[],
    limit: number,
  ): Promise<{ member: string; channel: string }[]>;
  /** Members of the company, at most `limit`. */
  listCompanyMembers(tenant: string, companyKey: string, limit: number): Promise<string[]>;
  findProfiles(tenant: string, members: string[]): Promise<CandidateProfile[]>;
}

/** Posts and updates messages to one member in their chat platform. */
export interface ChatMessenger {
  /** Sends the view to the member directly; null when the platform has no way to reach them. */
  sendToMember(tenant: string, member: string, view: View): Promise<MessageRef | null>;
  update(tenant: string, message: MessageRef, view: View): Promise<void>;
  /** Posts the view to a channel of the tenant; null when the platform cannot reach it. */
  postToChannel(tenant: string, channel: string, view: View): Promise<MessageRef | null>;
}

/** A visit of a referral link, or a sign-up through it. */
export interface ReferralOwner {
  tenant: string;
  member: string;
  code: string;
}

export interface ReferralRepository {
  /** The member's code, made on first use and the same ever after. */
  codeOf(tenant: string, member: string): Promise<string>;
  findOwner(code: string): Promise<ReferralOwner | null>;
  recordVisit(owner: ReferralOwner, at: Date): Promise<void>;
  countVisits(tenant: string, member: string): Promise<number>;
  /** Links a new member to the referrer, once; 'exists' when the member was linked before. */
  attribute(owner: ReferralOwner, member: string, at: Date): Promise<'added' | 'exists'>;
  /** Who referred the member, or null. */
  referrerOf(tenant: string, member: string): Promise<string | null>;
  countSignups(tenant: string, member: string): Promise<number>;
}

/** Invitations sent by e-mail, at most one per address and period. */
export interface EmailInvitationRepository {
  /**
   * Records an invitation of the address unless one was recorded since `notBefore`; returns
   * the generation stored, or null when refused.
   */
  add(
    tenant: string,
    email: string,
    invitedBy: string,
    now: Date,
    notBefore: Date,
  ): Promise<number | null>;
}

/** An e-mail to send. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; absent when no mail server is configured. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
