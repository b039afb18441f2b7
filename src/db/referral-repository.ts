/** Referral codes, their visits and the members who joined through them. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ReferralRepository } from '../core/connections/ports.js';
import type { Collections } from './collections.js';
import { toDocumentId } from './collections.js';
import { insertOnce } from './upsert.js';

/** 15 random bytes: 120 bits, 20 characters of base64url; nobody guesses another's code. */
const CODE_BYTES = 15;

export function createReferralRepository(collections: Collections): ReferralRepository {
  const { memberReferrals, referralCodes, referralVisits, referralSignups } = collections;

  return {
    async codeOf(tenant, member) {
      const _id = toDocumentId(tenant, member);
      const existing = await memberReferrals.findOne({ _id });
      if (existing) return existing.code;

      // The code is owned before it is handed out, so that a link never points at nobody.
      const code = randomBytes(CODE_BYTES).toString('base64url');
      await referralCodes.insertOne({ _id: code, tenant, member });
      if (await insertOnce(() => memberReferrals.insertOne({ _id, tenant, member, code }))) {
        return code;
      }
      // Another request made the member's code first; that one stays, this one is dropped.
      await referralCodes.deleteOne({ _id: code });
      return (await memberReferrals.findOne({ _id }))!.code;
    },

    async findOwner(code) {
      const owner = await referralCodes.findOne({ _id: code });
      return owner ? { tenant: owner.tenant, member: owner.member, code } : null;
    },

    async recordVisit(owner, at) {
      await referralVisits.insertOne({ _id: randomUUID(), ...owner, visitedAt: at });
    },

    async countVisits(tenant, member) {
      return referralVisits.countDocuments({ tenant, member });
    },

    async attribute(owner, member, at) {
      const added = await insertOnce(() =>
        referralSignups.insertOne({
          _id: toDocumentId(owner.tenant, member),
          tenant: owner.tenant,
          member,
          referrer: owner.member,
          joinedAt: at,
        }),
      );
      return added ? 'added' : 'exists';
    },

    async referrerOf(tenant, member) {
      const signup = await referralSignups.findOne({ _id: toDocumentId(tenant, member) });
      return signup?.referrer ?? null;
    },

    async countSignups(tenant, member) {
      return referralSignups.countDocuments({ tenant, referrer: member });
    },
  };
}
