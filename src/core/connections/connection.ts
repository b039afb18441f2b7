/** Connections between members and the invitations that lead to them (SPEC §9). */

/** Where a chat message the bot posted can be found again, to update it. */
export interface MessageRef {
  /** The platform's conversation or channel id. */
  conversation: string;
  /** The platform's message id (a Slack ts, a Teams activity id). */
  message: string;
}

/** An invitation from one member to another; at most one per direction and pair. */
export interface Invitation {
  tenant: string;
  inviter: string;
  invitee: string;
  createdAt: Date;
  /** The message that told the inviter it was sent, updated once it is accepted. */
  inviterMessage: MessageRef | null;
  /** The card the invitee got. */
  inviteeMessage: MessageRef | null;
}

/** The invitee's answer; ignoring is never shown to the inviter. */
export type Decision = 'accepted' | 'ignored';

/** An invitation with its answer, if any. */
export interface InvitationWithDecision extends Invitation {
  decision: Decision | null;
}

/** A member as suggestions look at them. */
export interface CandidateProfile {
  userId: string;
  displayName: string | null;
  company: { key: string; name: string } | null;
  /** Private profiles are never suggested to others. */
  private: boolean;
}

/** Called once a pair connects, whoever made it happen. */
export type OnConnected = (tenant: string, members: string[]) => Promise<void>;

/** The two members of a pair in a fixed order, so that both directions name one connection. */
export function toPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
