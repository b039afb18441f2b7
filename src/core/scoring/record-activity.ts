/** Recording activity events on members' ledgers, holding every rule of SPEC §4. */
import type { ActivityDefinition } from '../catalog/activity-catalog.js';
import { AppError } from '../errors.js';
import type { MemberAddress } from '../members/member.js';
import { toEmailKey } from '../members/member.js';
import type { MemberRepository, PendingEventRepository } from '../members/ports.js';
import type { Clock } from '../shared/clock.js';
import { KeyedSerializer } from '../shared/keyed-serializer.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory, TenantSettings } from '../tenants/tenant.js';
import type { ActivityEvent, EventResult } from './activity-event.js';
import { bookPoints, type Booking } from './book-points.js';
import { toCompanyClaimKey, toReversalClaimKey } from './claim-keys.js';
import { toBookingDay, toRetainFrom, toReversalDay } from './booking-day.js';
import { toEventKey, type LedgerEntry, type RecordedEvent } from './ledger-entry.js';
import { emptyFigures } from './member-figures.js';
import type { ClaimRepository, FiguresRepository, LedgerRepository } from './ports.js';

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
}

/** The scoring use cases. */
export interface Scoring {
  /** Records one event; a second delivery changes nothing and answers the first result. */
  recordActivity(event: ActivityEvent): Promise<EventResult>;
  /** Records events in order, each member's in sequence and different members side by side. */
  recordEvents(events: ActivityEvent[]): Promise<EventResult[]>;
  /** Books the events kept for an e-mail address on the member who now has it. */
  settlePendingEvents(tenant: string, email: string, userId: string): Promise<void>;
}

/** Where an event stands before booking: already answered, or whose ledger it goes to. */
type Routing =
  | { kind: 'answered'; result: EventResult }
  | { kind: 'member'; eventKey: string; userId: string }
  | { kind: 'email'; eventKey: string; email: string };

export function createScoring(options: ScoringOptions): Scoring {
  const { ledger, figures, claims, members, pending, tenants, clock } = options;
  const logger = options.logger.child({ module: 'scoring' });
  const maxAttempts = options.maxAttempts ?? 200;
  const serializer = new KeyedSerializer();

  async function recordActivity(event: ActivityEvent): Promise<EventResult> {
    const [result] = await recordEvents([event]);
    return result!;
  }

  async function recordEvents(events: ActivityEvent[]): Promise<EventResult[]> {
    // Routing every event first means an unknown reversal target fails the request before
    // anything of it is stored.
    const routings: Promise<Routing>[] = [];
    const earlierRoutings = new Map<string, Promise<Routing>>();
    for (const event of events) {
      const eventKey = toEventKey(event.source, event.eventId);
      const routing = route(event, eventKey, new Map(earlierRoutings));
      routings.push(routing);
      if (!earlierRoutings.has(eventKey)) earlierRoutings.set(eventKey, routing);
    }
    const routed = await Promise.all(routings);

    // Queued in request order, so each member's events are booked in that order.
    const results = events.map((event, index) => dispatch(event, routed[index]!));
    return Promise.all(results);
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
        return serializer.run(`${event.tenant}|${routing.userId}`, () =>
          bookForMember(event, routing.eventKey, routing.userId),
        );
    }
  }

  async function route(
    event: ActivityEvent,
    eventKey: string,
    earlier: ReadonlyMap<string, Promise<Routing>>,
  ): Promise<Routing> {
    const answered = await findEarlierAnswer(event, eventKey);
    if (answered) return { kind: 'answered', result: answered };
    if (event.reverses === null) return routeToAddress(event.tenant, eventKey, event.member);

    const targetKey = toEventKey(event.source, event.reverses);
    const targetInRequest = await earlier.get(targetKey);
    if (targetInRequest?.kind === 'member' || targetInRequest?.kind === 'email') {
      return { ...targetInRequest, eventKey };
    }
    return routeReversal(event, eventKey, targetKey);
  }

  async function findEarlierAnswer(
    event: ActivityEvent,
    eventKey: string,
  ): Promise<EventResult | null> {
    const recorded = await ledger.findRecordedEvent(event.tenant, eventKey);
    if (recorded) return answerDuplicate(event, recorded);

    // Only events for an e-mail address, or reversals of them, are ever kept.
    if (event.member.kind !== 'email' && event.reverses === null) return null;
    const kept = await pending.find(event.tenant, eventKey);
    if (kept) return { id: event.eventId, requested: kept.requested, applied: 0, duplicate: true };
    return null;
  }

  async function answerDuplicate(event: ActivityEvent, recorded: RecordedEvent) {
    // A sender retries when it got no answer, which may mean a failure between our writes.
    await figures.repair(recorded.tenant, recorded.member);
    logger.debug({ tenant: event.tenant, eventId: event.eventId }, 'duplicate event');
    const { requested, applied } = recorded;
    return { id: event.eventId, requested, applied, duplicate: true };
  }

  async function routeReversal(
    event: ActivityEvent,
    eventKey: string,
    targetKey: string,
  ): Promise<Routing> {
    const target = await ledger.findRecordedEvent(event.tenant, targetKey);
    if (target) return { kind: 'member', eventKey, userId: target.member };

    const keptTarget = await pending.find(event.tenant, targetKey);
    if (keptTarget) return { kind: 'email', eventKey, email: keptTarget.email };

    throw new AppError(
      'unknown_reversal_target',
      `event "${event.eventId}" reverses "${event.reverses}", which this source never sent`,
      { exposable: true, details: { eventId: event.eventId } },
    );
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

    logger.info({ tenant: event.tenant, eventId: event.eventId }, 'event kept for unknown e-mail');
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
      await serializer.run(`${tenant}|${userId}`, () => bookForMember(ownEvent, eventKey, userId));
      await pending.remove(tenant, eventKey);
    }
    if (kept.length > 0) {
      logger.info({ tenant, member: userId, count: kept.length }, 'kept events booked');
    }
  }

  async function bookForMember(
    event: ActivityEvent,
    eventKey: string,
    userId: string,
  ): Promise<EventResult> {
    // A second delivery of an event booked meanwhile is refused by the ledger's unique key.
    await members.ensureExists(event.tenant, userId, clock.now());
    const settings = await tenants.get(event.tenant);
    const booking = await toBooking(event, eventKey, userId, settings);
    return appendBooking(event, eventKey, userId, booking, settings);
  }

  async function toBooking(
    event: ActivityEvent,
    eventKey: string,
    userId: string,
    settings: TenantSettings,
  ): Promise<Booking> {
    const now = clock.now();
    if (event.reverses !== null) return toReversal(event, eventKey, settings, now);

    const activity = settings.catalog.get(event.activity);
    if (!activity) throw new Error(`activity ${event.activity} is not in the catalog`);

    const day = toBookingDay(event.occurredAt, now, settings.timeZone);
    const selfDirected = await isSelfDirected(event, userId);
    const company = activity.once === 'company' ? await companyOf(event.tenant, userId) : null;
    const heldByCompany =
      !selfDirected && company !== null
        ? await isHeldByCompany(event.tenant, activity, company, eventKey)
        : false;

    return {
      kind: 'activity',
      activity,
      day,
      selfDirected,
      heldByCompany,
      withoutCompany: activity.once === 'company' && company === null,
    };
  }

  async function toReversal(
    event: ActivityEvent,
    eventKey: string,
    settings: TenantSettings,
    now: Date,
  ): Promise<Booking> {
    const targetKey = toEventKey(event.source, event.reverses!);
    const target = await ledger.findRecordedEvent(event.tenant, targetKey);
    const activity = target?.activity ? settings.catalog.get(target.activity) : undefined;
    if (!target || !activity) {
      throw new AppError('unknown_reversal_target', `cannot reverse "${event.reverses}"`, {
        exposable: true,
        details: { eventId: event.eventId },
      });
    }

    const holder = await claims.claim(toReversalClaimKey(event.tenant, targetKey), eventKey);
    return {
      kind: 'reversal',
      target: { activity, applied: target.applied, day: target.day },
      day: toReversalDay(target.day, now, settings.timeZone),
      alreadyReversed: holder !== eventKey,
    };
  }

  async function isSelfDirected(event: ActivityEvent, userId: string): Promise<boolean> {
    const actor = event.actor;
    if (actor === null) return false;
    if (actor.kind === 'user') return actor.userId === userId;

    const actorMember = await members.findByEmail(event.tenant, actor.email);
    return actorMember?.userId === userId;
  }

  async function companyOf(tenant: string, userId: string) {
    const member = await members.findByUserId(tenant, userId);
    return member?.company ?? null;
  }

  async function isHeldByCompany(
    tenant: string,
    activity: ActivityDefinition,
    company: { key: string },
    eventKey: string,
  ): Promise<boolean> {
    const claimKey = toCompanyClaimKey(tenant, activity.key, company.key);
    const holder = await claims.claim(claimKey, eventKey);
    return holder !== eventKey;
  }

  async function appendBooking(
    event: ActivityEvent,
    eventKey: string,
    userId: string,
    booking: Booking,
    settings: TenantSettings,
  ): Promise<EventResult> {
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const entry = await toNextEntry(event, eventKey, userId, booking, settings);
      const outcome = await ledger.append(entry);

      if (outcome === 'appended') {
        await figures.publish(entry);
        logApplied(entry);
        return {
          id: event.eventId,
          requested: entry.requested,
          applied: entry.applied,
          duplicate: false,
        };
      }
      if (outcome === 'duplicate_event') return answerRacedDuplicate(event, eventKey);

      await sleep(backoffMs(attempt));
    }
    throw new AppError('scoring_contention', `ledger of ${userId} stayed busy`, {
      exposable: false,
    });
  }

  async function toNextEntry(
    event: ActivityEvent,
    eventKey: string,
    userId: string,
    booking: Booking,
    settings: TenantSettings,
  ): Promise<LedgerEntry> {
    const newest = await ledger.findNewest(event.tenant, userId);
    const now = clock.now();
    const seq = (newest?.seq ?? 0) + 1;
    const retainFrom = toRetainFrom(now, settings.timeZone);
    const outcome = bookPoints(newest?.figures ?? emptyFigures(), booking, seq, retainFrom);

    return {
      tenant: event.tenant,
      member: userId,
      seq,
      eventKey,
      kind: booking.kind,
      activity: booking.kind === 'reversal' ? booking.target.activity.key : event.activity,
      category: outcome.category,
      requested: outcome.requested,
      applied: outcome.applied,
      limitedBy: outcome.limitedBy,
      day: booking.day,
      occurredAt: event.occurredAt,
      recordedAt: now,
      actor: toActorName(event.actor),
      reverses: event.reverses === null ? null : toEventKey(event.source, event.reverses),
      public: event.public,
      note: null,
      meta: event.meta,
      figures: outcome.figures,
    };
  }

  async function answerRacedDuplicate(event: ActivityEvent, eventKey: string) {
    const recorded = await ledger.findRecordedEventInLedger(event.tenant, eventKey);
    if (!recorded) throw new Error(`event ${eventKey} is a duplicate but cannot be found`);
    return answerDuplicate(event, recorded);
  }

  function logApplied(entry: LedgerEntry) {
    logger.info(
      {
        tenant: entry.tenant,
        member: entry.member,
        activity: entry.activity,
        eventKey: entry.eventKey,
        requested: entry.requested,
        applied: entry.applied,
        limitedBy: entry.limitedBy,
      },
      'points applied',
    );
  }

  return { recordActivity, recordEvents, settlePendingEvents };
}

function toActorName(actor: MemberAddress | null): string | null {
  if (actor === null) return null;
  return actor.kind === 'user' ? actor.userId : toEmailKey(actor.email);
}

/** Waits longer after each lost race, with jitter so that racing processes spread out. */
function backoffMs(attempt: number): number {
  return Math.min(50, attempt * 2) * Math.random();
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
