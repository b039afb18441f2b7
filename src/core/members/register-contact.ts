/** A member makes contact through a chat platform: created on first contact, kept up to date. */
import { toCompanyClaimKey } from '../scoring/claim-keys.js';
import { SYSTEM_SOURCE, toEventKey } from '../scoring/ledger-entry.js';
import type { ClaimRepository } from '../scoring/ports.js';
import type { Scoring } from '../scoring/record-activity.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { toCompany } from './company.js';
import { toEmailKey, type Member, type MemberContact } from './member.js';
import type { MemberRepository } from './ports.js';

const FIRST_OF_COMPANY = 'platform.first_of_company';

/** Longest display name kept; platforms allow longer, cards and messages do not. */
const MAX_DISPLAY_NAME = 80;

/** How long what the platform told about a member is trusted before asking again. */
const CONTACT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface RegisterContactOptions {
  members: MemberRepository;
  claims: ClaimRepository;
  scoring: Scoring;
  clock: Clock;
  logger: Logger;
}

/** Asks the platform for a member's name and e-mail; null when it would not say. */
export type FetchContact = () => Promise<MemberContact | null>;

/**
 * Records a contact: asks the platform about the member when what we know is missing or old,
 * then settles what waited for the member's e-mail address: kept events, sign-up bonuses.
 */
export type RegisterContact = (
  tenant: string,
  userId: string,
  fetchContact: FetchContact,
) => Promise<Member>;

export function createRegisterContact(options: RegisterContactOptions): RegisterContact {
  const { members, claims, scoring, clock } = options;
  const logger = options.logger.child({ module: 'members' });

  return async function registerContact(tenant, userId, fetchContact) {
    const stored = await members.ensure(tenant, userId, clock.now());
    const member = isContactStale(stored) ? await refreshContact(stored, fetchContact) : stored;
    if (!member.email || (await members.isSignupSettled(tenant, userId))) return member;

    await scoring.settlePendingEvents(tenant, member.email, userId);
    if (member.company) await awardFirstOfCompany(member);
    await members.markSignupSettled(tenant, userId);
    logger.info({ tenant, member: userId, company: member.company?.key }, 'member signed up');
    return member;
  };

  function isContactStale(member: Member): boolean {
    if (member.contactCheckedAt === null) return true;
    return clock.now().getTime() - member.contactCheckedAt.getTime() > CONTACT_MAX_AGE_MS;
  }

  async function refreshContact(member: Member, fetchContact: FetchContact): Promise<Member> {
    const contact = await fetchContact();
    if (!contact) return member;

    const email = contact.email ? toEmailKey(contact.email) : member.email;
    return members.saveContact(member, {
      displayName: clip(contact.displayName, MAX_DISPLAY_NAME) ?? member.displayName,
      email,
      company: email ? toCompany(email) : member.company,
      contactCheckedAt: clock.now(),
      platformAdmin: contact.platformAdmin ?? member.platformAdmin,
    });
  }

  async function awardFirstOfCompany(member: Member) {
    const eventId = `first-of-company/${member.userId}`;
    const claimKey = toCompanyClaimKey(member.tenant, FIRST_OF_COMPANY, member.company!.key);
    const holder = await claims.holderOf(claimKey);

    // Only a member who may still be first books an attempt; the claim inside decides a race.
    if (holder !== null && holder !== toEventKey(SYSTEM_SOURCE, eventId)) return;
    await scoring.recordActivity({
      tenant: member.tenant,
      source: SYSTEM_SOURCE,
      eventId,
      activity: FIRST_OF_COMPANY,
      member: { kind: 'user', userId: member.userId },
      actor: null,
      occurredAt: clock.now(),
      reverses: null,
      public: true,
      meta: { company: member.company!.name },
    });
  }
}

function clip(text: string | null, max: number): string | null {
  if (text === null) return null;
  const characters = Array.from(text.trim());
  if (characters.length === 0) return null;
  return characters.length > max ? `${characters.slice(0, max - 1).join('')}…` : text.trim();
}
