/** Recording activity events on members' ledgers, holding every rule of SPEC §4. */
import { toEmailKey } from '../members/member.js';
import type { MemberRepository, PendingEventRepository } from '../members/ports.js';
import type { Clock } from '../shared/clock.js';
import { KeyedSerializer } from '../shared/keyed-serializer.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import type { ActivityEvent, EventResult, PenaltyRequest } from './activity-event.js';
import { createEventBooker } from './book-event.js';
import type { LedgerEntry } from './ledger-entry.js';
import type { ClaimRepository, FiguresRepository, LedgerRepository } from './ports.js';
import { SYSTEM_SOURCE, toEventKey, type RecordedEvent } from './ledger-entry.js';
import { createEventRouter, type Routing } from './route-events.js';

function pick(recorded: RecordedEvent) {
  return { requested: recorded.requested, applied: recorded.applied };
}

/** Collaborators of the scoring. */
export interface ScoringOptions {
  ledger: LedgerRepository;
  figures: FiguresRepository;
  claims: ClaimRepository;
  members: MemberRepository;
  pending: PendingEventRepository;
  tenants: TenantDirectory;
  clock: Clock;
  logger: Logger;
  /** How often a booking retries when other processes keep taking its ledger position. */
  maxAttempts?: number;
  /** Runs after an entry is appended and its figures stored, e.g. to update badges. */
  onEntryApplied?: (entry: LedgerEntry) => Promise<void>;
  /** Runs after each event that gave a member points; its failures are logged, not raised. */
  onPointsApplied?: (award: AppliedAward) => Promise<void>;
}

/** An event that gave a member points, as hooks after the scoring see it. */
export interface AppliedAward {
  tenant: string;
  member: string;
  source: string;
  activity: string;
  eventKey: string;
  applied: number;
}

/** The scoring use cases. */
export interface Scoring {
  /** Records one event; a second delivery changes nothing and answers the first result. */
  recordActivity(event: ActivityEvent): Promise<EventResult>;
  /**
   * Records a request's events, each member's in request order and different members side by
   * side. An invalid reversal fails the request before anything of it is stored.
   */
  recordEvents(events: ActivityEvent[]): Promise<EventResult[]>;
  /** Books the events kept for an e-mail address on the member who now has it. */
  settlePendingEvents(tenant: string, email: string, userId: string): Promise<void>;
  /** Books a penalty on the member's ledger; the total never goes below zero. */
  recordPenalty(penalty: PenaltyRequest): Promise<EventResult>;
}

export function createScoring(options: ScoringOptions): Scoring {
  const { members, pending, tenants, clock } = options;
  const logger = options.logger.child({ module: 'scoring' });
  const booker = createEventBooker({ ...options, logger });
  const router = createEventRouter({ ...options, answerDuplicate: booker.answerDuplicate });
  const serializer = new KeyedSerializer();

  async function recordActivity(event: ActivityEvent): Promise<EventResult> {
    const [result] = await recordEvents([event]);
    return result!;
  }

  async function recordEvents(events: ActivityEvent[]): Promise<EventResult[]> {
    const routed = await router.routeEvents(events);

    // Queued in request order, so each member's events are booked in that order.
    return Promise.all(events.map((event, index) => dispatch(event, routed[index]!)));
  }

  function dispatch(event: ActivityEvent, routing: Routing): Promise<EventResult> {
    switch (routing.kind) {
      case 'answered':
        return Promise.resolve(routing.result);
      case 'email':
        return serializer.run(`${event.tenant}|email|${routing.email}`, () =>
          keepPending(event, routing.eventKey, routing.email),
        );
      case 'member':
        return serializer
          .run(`${event.tenant}|${routing.userId}`, () =>
            booker.bookEvent(event, routing.eventKey, routing.userId),
          )
          .then((result) => afterBooking(event, routing.eventKey, routing.userId, result));
    }
  }

  /** Runs the hook outside the member's queue, so that it may book for the same member. */
  async function afterBooking(
    event: ActivityEvent,
    eventKey: string,
    userId: string,
    result: EventResult,
  ): Promise<EventResult> {
    if (!options.onPointsApplied || result.duplicate || result.applied <= 0) return result;
    const award = {
      tenant: event.tenant,
      member: userId,
      source: event.source,
      activity: event.activity,
      eventKey,
      applied: result.applied,
    };
    try {
      await options.onPointsApplied(award);
    } catch (error) {
      logger.error({ tenant: event.tenant, member: userId, eventKey, err: error }, 'hook failed');
    }
    return result;
  }

  async function keepPending(
    event: ActivityEvent,
    eventKey: string,
    email: string,
  ): Promise<EventResult> {
    const requested = await requestedPoints(event);
    const receivedAt = clock.now();
    const added = await pending.add({ eventKey, email, event, requested, receivedAt });
    const result = { id: event.eventId, requested, applied: 0, duplicate: added === 'duplicate' };

    // The member may have appeared between our lookup and the write; then nobody else books it.
    const member = await members.findByEmail(event.tenant, email);
    if (member) await settlePendingEvents(event.tenant, email, member.userId);

    if (added === 'added') {
      logger.info({ tenant: event.tenant, eventId: event.eventId }, 'event kept for an e-mail');
    }
    return result;
  }

  async function requestedPoints(event: ActivityEvent): Promise<number> {
    if (event.reverses !== null) return 0;
    const settings = await tenants.get(event.tenant);
    return settings.catalog.get(event.activity)?.points ?? 0;
  }

  async function settlePendingEvents(tenant: string, email: string, userId: string) {
    const kept = await pending.listForEmail(tenant, toEmailKey(email));
    for (const { event, eventKey } of kept) {
      const ownEvent = { ...event, member: { kind: 'user', userId } as const };
      const result = await serializer.run(`${tenant}|${userId}`, () =>
        booker.bookEvent(ownEvent, eventKey, userId),
      );
      await pending.remove(tenant, eventKey);
      await afterBooking(ownEvent, eventKey, userId, result);
    }
    if (kept.length > 0) {
      logger.info({ tenant, member: userId, count: kept.length }, 'kept events booked');
    }
  }

  async function recordPenalty(penalty: PenaltyRequest): Promise<EventResult> {
    const eventKey = toEventKey(SYSTEM_SOURCE, penalty.eventId);
    const recorded = await options.ledger.findRecordedEvent(penalty.tenant, eventKey);
    if (recorded) return { id: penalty.eventId, ...pick(recorded), duplicate: true };

    return serializer.run(`${penalty.tenant}|${penalty.member}`, () => booker.bookPenalty(penalty));
  }

  return { recordActivity, recordEvents, settlePendingEvents, recordPenalty };
}
