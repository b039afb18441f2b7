/**
 * Booking one event on a member's ledger: what it asks, what the rules give, and the append at
 * the next free position, tried again when another process took that position first.
 */
import type { ActivityDefinition } from '../catalog/activity-catalog.js';
import { AppError } from '../errors.js';
import { toEmailKey, type MemberAddress } from '../members/member.js';
import type { MemberRepository } from '../members/ports.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory, TenantSettings } from '../tenants/tenant.js';
import type { ActivityEvent, EventResult, PenaltyRequest } from './activity-event.js';
import { bookPoints, type Booking } from './book-points.js';
import { toBookingDay, toRetainFrom, toReversalDay } from './booking-day.js';
import { toCompanyClaimKey, toReversalClaimKey } from './claim-keys.js';
import { SYSTEM_SOURCE, toEventKey, type LedgerEntry, type RecordedEvent } from './ledger-entry.js';
import { emptyFigures } from './member-figures.js';
import type { ClaimRepository, FiguresRepository, LedgerRepository } from './ports.js';
import { reversalOfReversal, unknownReversalTarget } from './reversal-errors.js';

export interface EventBookerOptions {
  ledger: LedgerRepository;
  figures: FiguresRepository;
  claims: ClaimRepository;
  members: MemberRepository;
  tenants: TenantDirectory;
  clock: Clock;
  logger: Logger;
  /** How often a booking retries when other processes keep taking its ledger position. */
  maxAttempts?: number;
  /** Runs after an entry is appended and its figures stored, e.g. to update badges. */
  onEntryApplied?: (entry: LedgerEntry) => Promise<void>;
}

export function createEventBooker(options: EventBookerOptions) {
  const { ledger, figures, claims, members, tenants, clock, logger } = options;
  const maxAttempts = options.maxAttempts ?? 200;

  /** Books the event for the member; a duplicate is answered with the first result. */
  async function bookEvent(
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

  /** Books a penalty; it is never public, and its reason is the entry's note. */
  async function bookPenalty(penalty: PenaltyRequest): Promise<EventResult> {
    const { tenant, member } = penalty;
    await members.ensureExists(tenant, member, clock.now());
    const settings = await tenants.get(tenant);
    const event: ActivityEvent = {
      tenant,
      source: SYSTEM_SOURCE,
      eventId: penalty.eventId,
      activity: 'penalty',
      member: { kind: 'user', userId: member },
      actor: { kind: 'user', userId: penalty.actor },
      occurredAt: penalty.occurredAt,
      reverses: null,
      public: false,
      meta: null,
      note: penalty.reason,
    };
    const day = toBookingDay(penalty.occurredAt, clock.now(), settings.timeZone);
    const booking: Booking = { kind: 'penalty', points: penalty.points, day };
    const eventKey = toEventKey(SYSTEM_SOURCE, penalty.eventId);
    return appendBooking(event, eventKey, member, booking, settings);
  }

  async function answerDuplicate(event: ActivityEvent, recorded: RecordedEvent) {
    // A sender retries when it got no answer, which may mean a failure between our writes.
    await figures.repair(recorded.tenant, recorded.member);
    logger.debug({ tenant: event.tenant, eventId: event.eventId }, 'duplicate event');
    const { requested, applied } = recorded;
    return { id: event.eventId, requested, applied, duplicate: true };
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

    const selfDirected = await isSelfDirected(event, userId);
    const company = activity.once === 'company' ? await companyOf(event.tenant, userId) : null;
    const heldByCompany =
      !selfDirected && company !== null
        ? await isHeldByCompany(event.tenant, activity, company, eventKey)
        : false;

    return {
      kind: 'activity',
      activity,
      day: toBookingDay(event.occurredAt, now, settings.timeZone),
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
    if (target?.kind === 'reversal') throw reversalOfReversal(event);
    const activity = target?.activity ? settings.catalog.get(target.activity) : undefined;
    if (!target || !activity) throw unknownReversalTarget(event);

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
    return (await claims.claim(claimKey, eventKey)) !== eventKey;
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
        await afterApplied(entry);
        const { requested, applied } = entry;
        return { id: event.eventId, requested, applied, duplicate: false };
      }
      if (outcome === 'duplicate_event') return answerRacedDuplicate(event, eventKey);

      await sleep(backoffMs(attempt));
    }
    throw new AppError('scoring_contention', `ledger of ${userId} stayed busy`);
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
      activity: toEntryActivity(event, booking),
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
      note: event.note ?? null,
      meta: event.meta,
      figures: outcome.figures,
    };
  }

  async function answerRacedDuplicate(event: ActivityEvent, eventKey: string) {
    const recorded = await ledger.findRecordedEventInLedger(event.tenant, eventKey);
    if (!recorded) throw new Error(`event ${eventKey} is a duplicate but cannot be found`);
    return answerDuplicate(event, recorded);
  }

  async function afterApplied(entry: LedgerEntry) {
    try {
      await options.onEntryApplied?.(entry);
    } catch (error) {
      // The points stand; what follows from them is repaired by the next entry or a rebuild.
      const { tenant, member, eventKey } = entry;
      logger.warn({ tenant, member, eventKey, err: error }, 'after-entry hook failed');
    }
  }

  function logApplied(entry: LedgerEntry) {
    const { tenant, member, activity, eventKey, requested, applied, limitedBy } = entry;
    logger.info(
      { tenant, member, activity, eventKey, requested, applied, limitedBy },
      'points applied',
    );
  }

  return { bookEvent, bookPenalty, answerDuplicate };
}

/** The activity an entry is about: the reversed one for a reversal, none for a penalty. */
function toEntryActivity(event: ActivityEvent, booking: Booking): string | null {
  if (booking.kind === 'reversal') return booking.target.activity.key;
  return booking.kind === 'penalty' ? null : event.activity;
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
