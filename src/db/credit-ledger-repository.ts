/** The credit ledger: each member's entries at gap-free positions, keyed by position. */
import type { CreditEntry, CreditLedgerRepository } from '../core/credits/credit-ledger.js';
import { isDuplicateKeyError, toDocumentId, type Collections } from './collections.js';

/** Positions are zero-padded so that a member's `_id`s sort in ledger order. */
const SEQ_DIGITS = 12;

export function createCreditLedgerRepository(collections: Collections): CreditLedgerRepository {
  const { creditLedger, creditBalances } = collections;

  async function findEntry(tenant: string, member: string, seq: number) {
    const document = await creditLedger.findOne({ _id: toCreditEntryId(tenant, member, seq) });
    if (!document) return null;
    const { _id, ...entry } = document;
    return entry;
  }

  /** Notes the newest balance where the profile reads it; an older note is only a hint. */
  async function noteBalance(entry: CreditEntry) {
    const { tenant, member, balance, seq } = entry;
    const _id = toDocumentId(tenant, member);
    const updated = await creditBalances.updateOne(
      { _id, $or: [{ seq: { $lt: seq } }, { seq: { $exists: false } }] },
      { $set: { tenant, member, balance, seq } },
    );
    if (updated.matchedCount > 0) return;
    try {
      await creditBalances.insertOne({ _id, tenant, member, balance, seq });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  return {
    async findNewest(tenant, member) {
      const hint = await creditBalances.findOne({ _id: toDocumentId(tenant, member) });
      let newest = hint?.seq ? await findEntry(tenant, member, hint.seq) : null;
      for (let seq = (newest?.seq ?? 0) + 1; ; seq++) {
        const next = await findEntry(tenant, member, seq);
        if (!next) break;
        newest = next;
      }
      return newest;
    },

    async append(entry) {
      const _id = toCreditEntryId(entry.tenant, entry.member, entry.seq);
      try {
        await creditLedger.insertOne({ _id, ...entry });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const booked = await creditLedger.findOne({ tenant: entry.tenant, key: entry.key });
        return booked ? 'duplicate_key' : 'position_taken';
      }
      await noteBalance(entry);
      return 'appended';
    },

    async findByKey(tenant, key) {
      const document = await creditLedger.findOne({ tenant, key });
      if (!document) return null;
      const { _id, ...entry } = document;
      return entry;
    },
  };
}

function toCreditEntryId(tenant: string, member: string, seq: number): string {
  return toDocumentId(tenant, member, String(seq).padStart(SEQ_DIGITS, '0'));
}
