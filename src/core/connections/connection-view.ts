/** Connections, invitations and referrals as a member sees them, before a platform renders them. */
import type { CommandAction } from '../profile/profile-view.js';

/** Another member, as lists and cards name them. */
export interface PersonRef {
  userId: string;
  displayName: string;
  company: string | null;
}

/** A member the viewer may know, with the one reason that ranks them highest. */
export interface Suggestion {
  person: PersonRef;
  /** One short line: "3 mutual connections", "also at Acme". */
  reason: string;
  /** Runs the command that invites them. */
  invite: CommandAction;
}

/** `connections`: the viewer's own connections and invitations, and people to meet. */
export interface ConnectionsView {
  kind: 'connections';
  connections: PersonRef[];
  /** Invitations others sent the viewer that wait for an answer. */
  incoming: PersonRef[];
  /** Invitations the viewer sent that have no answer the viewer may see. */
  outgoing: PersonRef[];
  suggestions: Suggestion[];
  actions: CommandAction[];
}

/** Where an invitation stands, as its invitee sees it. */
export type InvitationState = 'pending' | 'accepted' | 'ignored';

/** The card an invitee answers: Accept, Ignore, and the inviter's profile. */
export interface InvitationView {
  kind: 'invitation';
  inviter: PersonRef;
  /** The member invited, named when the card is shown where others can read it. */
  invitee: PersonRef;
  state: InvitationState;
  /** Commands for Accept and Ignore, run by whoever presses them. */
  accept: CommandAction;
  ignore: CommandAction;
  showProfile: CommandAction;
}

/** The personal referral link. */
export interface ReferralView {
  kind: 'referral';
  link: string;
  /** People who opened the link, and who joined through it. */
  visits: number;
  signups: number;
  actions: CommandAction[];
}

/** An e-mail invitation: sent, or its text to send oneself. */
export interface EmailInvitationView {
  kind: 'email_invitation';
  email: string;
  /** True when the bot sent it; otherwise `text` is for the member to copy. */
  sent: boolean;
  subject: string;
  text: string;
  pointsAwarded: number;
  actions: CommandAction[];
}
