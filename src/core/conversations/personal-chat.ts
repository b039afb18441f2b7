/** The chat between the bot and one member, kept so that the bot can message them directly. */

export interface PersonalChatRepository {
  /** Stores or refreshes the platform's reference for posting to the member's chat. */
  save(tenant: string, userId: string, reference: Record<string, unknown>): Promise<void>;
  /** The reference, or null when the member never chatted with the bot. */
  find(tenant: string, userId: string): Promise<Record<string, unknown> | null>;
}
