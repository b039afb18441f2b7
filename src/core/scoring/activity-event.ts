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
}

/** The answer for one event, as the intake contract returns it. */
export interface EventResult {
  id: string;
  requested: number;
  applied: number;
  duplicate: boolean;
}
