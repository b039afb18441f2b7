/** An activity reported by a platform system or produced by the product itself. */
import type { MemberAddress } from '../members/member.js';

export interface ActivityEvent {
  tenant: string;
  /** The intake source, or a product surface such as "system". */
  source: string;
  /** Unique within the source. */
  eventId: string;
  activity: string;
  member: MemberAddress;
  actor: MemberAddress | null;
  occurredAt: Date;
  /** The id, within the same source, of an earlier event to take back. */
  reverses: string | null;
  public: boolean;
  meta: Record<string, unknown> | null;
  /** An admin's note kept with the ledger entry. */
  note?: string | null;
}

/** Points an admin takes away from a member, with the reason (SPEC §4). */
export interface PenaltyRequest {
  tenant: string;
  member: string;
  /** The positive number of points to take away. */
  points: number;
  reason: string;
  /** The admin who gives it. */
  actor: string;
  /** Unique within the system source, so that a repeated request counts once. */
  eventId: string;
  occurredAt: Date;
}

/** The answer for one event, as the intake contract returns it. */
export interface EventResult {
  id: string;
  requested: number;
  applied: number;
  duplicate: boolean;
}
