/** Members and the e-mail addresses that lead to them. */
import type { Member } from '../core/members/member.js';
import { toEmailKey } from '../core/members/member.js';
import { BoundedMap } from '../core/shared/bounded-map.js';
import type { MemberRepository } from '../core/members/ports.js';
import {
  isDuplicateKeyError,
  toDocumentId,
  type Collections,
  type MemberDocument,
} from './collections.js';

/** Members this process knows exist; members are never deleted, so the cache cannot lie. */
const KNOWN_MEMBERS = 20_000;

export function createMemberRepository(collections: Collections): MemberRepository {
  const { members, memberEmails } = collections;
  const known = new BoundedMap<string, true>(KNOWN_MEMBERS);

  async function findByUserId(tenant: string, userId: string): Promise<Member | null> {
    const document = await members.findOne({ _id: toDocumentId(tenant, userId) });
    return document ? toMember(document) : null;
  }

  /** Links the address to the member unless another member has it already. */
  async function linkEmail(tenant: string, email: string, userId: string): Promise<void> {
    try {
      await memberEmails.insertOne({ _id: toDocumentId(tenant, email), tenant, email, userId });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  return {
    findByUserId,

    async findByEmail(tenant, email) {
      const link = await memberEmails.findOne({ _id: toDocumentId(tenant, toEmailKey(email)) });
      return link ? findByUserId(tenant, link.userId) : null;
    },

    async ensureExists(tenant, userId, now) {
      if (known.get(toDocumentId(tenant, userId))) return;
      await this.ensure(tenant, userId, now);
    },

    async ensure(tenant, userId, now) {
      const existing = await findByUserId(tenant, userId);
      known.set(toDocumentId(tenant, userId), true);
      if (existing) return existing;

      const document: MemberDocument = {
        _id: toDocumentId(tenant, userId),
        tenant,
        userId,
        displayName: null,
        email: null,
        company: null,
        createdAt: now,
        contactCheckedAt: null,
        platformAdmin: false,
      };
      try {
        await members.insertOne(document);
        return toMember(document);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return (await findByUserId(tenant, userId))!;
      }
    },

    async saveContact(member, contact) {
      if (contact.email) await linkEmail(member.tenant, contact.email, member.userId);
      await members.updateOne(
        { _id: toDocumentId(member.tenant, member.userId) },
        { $set: contact },
      );
      return { ...member, ...contact };
    },

    async isSignupSettled(tenant, userId) {
      const document = await members.findOne(
        { _id: toDocumentId(tenant, userId) },
        { projection: { signupSettled: 1 } },
      );
      return document?.signupSettled === true;
    },

    async markSignupSettled(tenant, userId) {
      await members.updateOne(
        { _id: toDocumentId(tenant, userId) },
        { $set: { signupSettled: true } },
      );
    },
  };
}

function toMember(document: MemberDocument): Member {
  const { tenant, userId, displayName, email, company, createdAt } = document;
  const contactCheckedAt = document.contactCheckedAt ?? null;
  const platformAdmin = document.platformAdmin === true;
  return {
    tenant,
    userId,
    displayName,
    email,
    company,
    createdAt,
    contactCheckedAt,
    platformAdmin,
  };
}
