/**
 * Credits, a ledger of their own (SPEC §8): every change is an entry at the member's next
 * position carrying the balance after it, so balances are exact under any concurrency.
 */
import { AppError } from '../errors.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';

export type CreditReason = 'challenge' | 'order' | 'refund';

/** One line of a member's credit ledger; `seq` numbers a member's entries 1, 2, 3, ... */
export interface CreditEntry {
  tenant: string;
  member: string;
  seq: number;
  /** Unique within the tenant: the same key is never booked twice. */
  key: string;
  reason: CreditReason;
  /** Positive for credits received, negative for credits spent. */
  amount: number;
  /** The balance after this entry, never below zero. */
  balance: number;
  /** Challenges paid so far, this one included. */
  challengesClaimed: number;
  recordedAt: Date;
}

/** Outcome of appending at a position. */
export type CreditAppendOutcome = 'appended' | 'position_taken' | 'duplicate_key';

export interface CreditLedgerRepository {
  /** The member's newest entry, or null. */
  findNewest(tenant: string, member: string): Promise<CreditEntry | null>;
  append(entry: CreditEntry): Promise<CreditAppendOutcome>;
  findByKey(tenant: string, key: string): Promise<CreditEntry | null>;
}

/** What booking a credit change did. */
export type CreditOutcome =
  | { kind: 'booked'; entry: CreditEntry }
  | { kind: 'already_booked'; entry: CreditEntry }
  | { kind: 'insufficient'; balance: number }
  /** The member's credits changed since the position the change was made for. */
  | { kind: 'stale'; balance: number };

/** A member's balance and the position of their newest credit entry (0 before the first). */
export interface CreditState {
  balance: number;
  seq: number;
}

export interface CreditsOptions {
  repository: CreditLedgerRepository;
  clock: Clock;
  logger: Logger;
  maxAttempts?: number;
}

export function createCredits(options: CreditsOptions) {
  const { repository, clock } = options;
  const logger = options.logger.child({ module: 'credits' });
  const maxAttempts = options.maxAttempts ?? 200;

  /**
   * Books `amount` under `key` once; refuses a change that would leave the balance below 0.
   * With `afterSeq`, the change is booked only right after that entry of the member: a change
   * decided on credits that have moved since is refused as stale, however close the race.
   */
  async function bookCredits(change: {
    tenant: string;
    member: string;
    key: string;
    reason: CreditReason;
    amount: number;
    afterSeq?: number;
  }): Promise<CreditOutcome> {
    const { tenant, member, key, reason, amount, afterSeq } = change;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const newest = await repository.findNewest(tenant, member);
      if (afterSeq !== undefined && (newest?.seq ?? 0) !== afterSeq) {
        return { kind: 'stale', balance: newest?.balance ?? 0 };
      }
      const balance = (newest?.balance ?? 0) + amount;
      if (balance < 0) return { kind: 'insufficient', balance: newest?.balance ?? 0 };

      const claimed = (newest?.challengesClaimed ?? 0) + (reason === 'challenge' ? 1 : 0);
      const entry: CreditEntry = {
        ...{ tenant, member, key, reason, amount, balance },
        seq: (newest?.seq ?? 0) + 1,
        challengesClaimed: claimed,
        recordedAt: clock.now(),
      };
      const outcome = await repository.append(entry);
      if (outcome === 'appended') {
        logger.info({ tenant, member, key, amount, balance }, 'credits booked');
        return { kind: 'booked', entry };
      }
      if (outcome === 'duplicate_key') {
        const booked = await repository.findByKey(tenant, key);
        if (booked) return { kind: 'already_booked', entry: booked };
      }
      await sleep(Math.min(50, attempt * 2) * Math.random());
    }
    throw new AppError('scoring_contention', `credit ledger of ${member} stayed busy`);
  }

  async function balanceOf(tenant: string, member: string): Promise<number> {
    return (await stateOf(tenant, member)).balance;
  }

  async function stateOf(tenant: string, member: string): Promise<CreditState> {
    const newest = await repository.findNewest(tenant, member);
    return { balance: newest?.balance ?? 0, seq: newest?.seq ?? 0 };
  }

  async function challengesClaimedBy(tenant: string, member: string): Promise<number> {
    return (await repository.findNewest(tenant, member))?.challengesClaimed ?? 0;
  }

  async function isBooked(tenant: string, key: string): Promise<boolean> {
    return (await repository.findByKey(tenant, key)) !== null;
  }

  return { bookCredits, balanceOf, stateOf, challengesClaimedBy, isBooked };
}

export type Credits = ReturnType<typeof createCredits>;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
