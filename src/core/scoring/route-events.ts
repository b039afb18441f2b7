/**
 * Routing a request's events before anything is stored: which are answered already, and whose
 * ledger each of the others goes to. A bad reversal fails the whole request here.
 */
import { toEmailKey, type MemberAddress } from '../members/member.js';
import type { MemberRepository, PendingEventRepository } from '../members/ports.js';
import type { ActivityEvent, EventResult } from './activity-event.js';
import { toEventKey, type RecordedEvent } from './ledger-entry.js';
import type { LedgerRepository } from './ports.js';
import { reversalOfReversal, unknownReversalTarget } from './reversal-errors.js';

/** Where an event stands before booking: already answered, or whose ledger it goes to. */
export type Routing =
  | { kind: 'answered'; result: EventResult }
  | { kind: 'member'; eventKey: string; userId: string }
  | { kind: 'email'; eventKey: string; email: string };

export interface EventRouterOptions {
  ledger: LedgerRepository;
  pending: PendingEventRepository;
  members: MemberRepository;
  /** Answers a second delivery of an event already in the ledger. */
  answerDuplicate(event: ActivityEvent, recorded: RecordedEvent): Promise<EventResult>;
}

/** An earlier event of the same request and where it goes. */
interface EarlierEvent {
  event: ActivityEvent;
  routing: Promise<Routing>;
}

export function createEventRouter(options: EventRouterOptions) {
  const { ledger, pending, members } = options;

  /** Routes the events of one request, in order; throws if any reversal is invalid. */
  async function routeEvents(events: ActivityEvent[]): Promise<Routing[]> {
    const routings: Promise<Routing>[] = [];
    const earlier = new Map<string, EarlierEvent>();
    for (const event of events) {
      const eventKey = toEventKey(event.source, event.eventId);
      const routing = route(event, eventKey, new Map(earlier));
      routings.push(routing);
      if (!earlier.has(eventKey)) earlier.set(eventKey, { event, routing });
    }
    return Promise.all(routings);
  }

  async function route(
    event: ActivityEvent,
    eventKey: string,
    earlier: ReadonlyMap<string, EarlierEvent>,
  ): Promise<Routing> {
    const answered = await findEarlierAnswer(event, eventKey);
    if (answered) return { kind: 'answered', result: answered };
    if (event.reverses === null) return routeToAddress(event.tenant, eventKey, event.member);

    const targetKey = toEventKey(event.source, event.reverses);
    const targetInRequest = earlier.get(targetKey);
    if (targetInRequest?.event.reverses != null) throw reversalOfReversal(event);

    const targetRouting = await targetInRequest?.routing;
    if (targetRouting?.kind === 'member' || targetRouting?.kind === 'email') {
      return { ...targetRouting, eventKey };
    }
    return routeReversal(event, eventKey, targetKey);
  }

  async function findEarlierAnswer(
    event: ActivityEvent,
    eventKey: string,
  ): Promise<EventResult | null> {
    const recorded = await ledger.findRecordedEvent(event.tenant, eventKey);
    if (recorded) return options.answerDuplicate(event, recorded);

    // Only events for an e-mail address, or reversals of them, are ever kept.
    if (event.member.kind !== 'email' && event.reverses === null) return null;
    const kept = await pending.find(event.tenant, eventKey);
    if (kept) return { id: event.eventId, requested: kept.requested, applied: 0, duplicate: true };
    return null;
  }

  async function routeReversal(
    event: ActivityEvent,
    eventKey: string,
    targetKey: string,
  ): Promise<Routing> {
    const target = await ledger.findRecordedEvent(event.tenant, targetKey);
    if (target?.kind === 'reversal') throw reversalOfReversal(event);
    if (target) return { kind: 'member', eventKey, userId: target.member };

    const keptTarget = await pending.find(event.tenant, targetKey);
    if (keptTarget?.event.reverses != null) throw reversalOfReversal(event);
    if (keptTarget) return { kind: 'email', eventKey, email: keptTarget.email };

    throw unknownReversalTarget(event);
  }

  async function routeToAddress(
    tenant: string,
    eventKey: string,
    address: MemberAddress,
  ): Promise<Routing> {
    if (address.kind === 'user') return { kind: 'member', eventKey, userId: address.userId };

    const member = await members.findByEmail(tenant, address.email);
    if (member) return { kind: 'member', eventKey, userId: member.userId };
    return { kind: 'email', eventKey, email: toEmailKey(address.email) };
  }

  return { routeEvents };
}
