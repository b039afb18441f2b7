/**
 * The intake's check that a reversal names the member and activity of the event it takes back.
 * The scoring takes back what the earlier event gave whatever the reversal names, so a sender's
 * mix-up would otherwise take points from another member without a word.
 */
import type { MemberRepository } from '../core/members/ports.js';
import type { ActivityEvent } from '../core/scoring/activity-event.js';
import { toEventKey } from '../core/scoring/ledger-entry.js';
import type { LedgerRepository } from '../core/scoring/ports.js';

export interface ReversalIssue {
  path: string;
  message: string;
}

/** Problems of the request's reversals whose earlier event is in the ledger, by field path. */
export async function findMismatchedReversals(
  events: readonly ActivityEvent[],
  lookups: {
    ledger: Pick<LedgerRepository, 'findRecordedEvent'>;
    members: Pick<MemberRepository, 'findByEmail'>;
  },
): Promise<ReversalIssue[]> {
  const prefix = (index: number) => (events.length > 1 ? `events.${index}.` : '');
  const checks = events.map(async (event, index): Promise<ReversalIssue[]> => {
    if (event.reverses === null) return [];
    const key = toEventKey(event.source, event.reverses);
    const target = await lookups.ledger.findRecordedEvent(event.tenant, key);
    if (!target || target.kind === 'reversal') return [];

    const issues: ReversalIssue[] = [];
    if (target.activity !== null && target.activity !== event.activity) {
      const message = `is not the activity of "${event.reverses}" (${target.activity})`;
      issues.push({ path: `${prefix(index)}activity`, message });
    }
    const member =
      event.member.kind === 'user'
        ? event.member.userId
        : (await lookups.members.findByEmail(event.tenant, event.member.email))?.userId;
    if (member !== target.member) {
      const message = `is not the member "${event.reverses}" was for`;
      issues.push({ path: `${prefix(index)}member`, message });
    }
    return issues;
  });
  return (await Promise.all(checks)).flat();
}
