/** What member handling needs from storage. */
import type { ActivityEvent } from '../scoring/activity-event.js';
import type { Company } from './company.js';
import type { Member } from './member.js';

export interface MemberRepository {
  findByUserId(tenant: string, userId: string): Promise<Member | null>;
  findByEmail(tenant: string, email: string): Promise<Member | null>;
  /** Creates the member unless it exists, and returns the stored member. */
  ensure(tenant: string, userId: string, now: Date): Promise<Member>;
  /** Creates the member unless it exists; cheaper than `ensure` for a member seen before. */
  ensureExists(tenant: string, userId: string, now: Date): Promise<void>;
  /** Stores what the platform told about the member and links the e-mail address to them. */
  saveContact(
    member: Member,
    contact: {
      displayName: string | null;
      email: string | null;
      company: Company | null;
      contactCheckedAt: Date;
      platformAdmin: boolean;
    },
  ): Promise<Member>;
  /** Whether the member's sign-up bonuses were already settled. */
  isSignupSettled(tenant: string, userId: string): Promise<boolean>;
  markSignupSettled(tenant: string, userId: string): Promise<void>;
}

/** An event for an e-mail address that no member has yet, kept until that member appears. */
export interface PendingEvent {
  eventKey: string;
  email: string;
  event: ActivityEvent;
  requested: number;
  receivedAt: Date;
}

export interface PendingEventRepository {
  /** Keeps the event; 'duplicate' when its key is already kept. */
  add(pending: PendingEvent): Promise<'added' | 'duplicate'>;
  find(tenant: string, eventKey: string): Promise<PendingEvent | null>;
  /** The events kept for the address, oldest first. */
  listForEmail(tenant: string, email: string): Promise<PendingEvent[]>;
  remove(tenant: string, eventKey: string): Promise<void>;
}
