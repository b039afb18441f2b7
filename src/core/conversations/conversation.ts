/** Places the bot is installed in, kept so that it can post there later without being asked. */

/** Where a conversation lives: a team channel, a group chat, or a chat with one member. */
export type ConversationKind = 'channel' | 'groupChat' | 'personal';

/** A conversation the bot may post to, with what the platform needs to reach it. */
export interface StoredConversation {
  tenant: string;
  conversationId: string;
  kind: ConversationKind;
  /** The team of a channel, or null. */
  teamId: string | null;
  /** The platform's reference for posting later, kept as the platform gave it. */
  reference: Record<string, unknown>;
  /** The member of a personal chat, so that the bot can message them directly; else null. */
  member?: string | null;
  updatedAt: Date;
}

export interface ConversationRepository {
  /** Stores or refreshes the conversation. */
  save(conversation: StoredConversation): Promise<void>;
  /** Forgets one conversation. */
  remove(tenant: string, conversationId: string): Promise<void>;
  /** Forgets every conversation of a team: the bot was removed from it. */
  removeTeam(tenant: string, teamId: string): Promise<void>;
  list(tenant: string): Promise<StoredConversation[]>;
  /** The member's personal chat with the bot, or null when none is known. */
  findPersonal(tenant: string, member: string): Promise<StoredConversation | null>;
}
