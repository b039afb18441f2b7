import { describe, expect, it } from 'vitest';
import {
  LATE_EVENT_DAYS,
  toBookingDay,
  toRetainFrom,
  toReversalDay,
} from '../../../src/core/scoring/booking-day.js';

const AMSTERDAM = 'Europe/Amsterdam';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The day of an instant in a time zone, read with Intl rather than the code under test. */
function localDayOf(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant);
}

function buildInstant(iso: string): Date {
  return new Date(iso);
}

function daysBefore(instant: Date, days: number): Date {
  return new Date(instant.getTime() - days * DAY_MS);
}

describe('toBookingDay', () => {
  it('counts an event just after local midnight on the new Amsterdam day, not the UTC one', () => {
    const occurredAt = buildInstant('2026-03-09T23:30:00Z');
    const now = buildInstant('2026-03-10T12:00:00Z');

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe('2026-03-10');
    expect(toBookingDay(occurredAt, now, 'UTC')).toBe('2026-03-09');
  });

  it('counts an event one second before Amsterdam midnight on the day before', () => {
    const occurredAt = buildInstant('2026-03-09T22:59:59Z');
    const now = buildInstant('2026-03-10T12:00:00Z');

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe('2026-03-09');
  });

  it('moves midnight an hour earlier in UTC once summer time has begun', () => {
    const now = buildInstant('2026-04-01T12:00:00Z');

    // Winter time (UTC+1) until 29 March 2026, summer time (UTC+2) from then on.
    expect(toBookingDay(buildInstant('2026-03-28T22:59:59Z'), now, AMSTERDAM)).toBe('2026-03-28');
    expect(toBookingDay(buildInstant('2026-03-28T23:00:00Z'), now, AMSTERDAM)).toBe('2026-03-29');
    expect(toBookingDay(buildInstant('2026-03-29T21:59:59Z'), now, AMSTERDAM)).toBe('2026-03-29');
    expect(toBookingDay(buildInstant('2026-03-29T22:00:00Z'), now, AMSTERDAM)).toBe('2026-03-30');
  });

  it('keeps the short day of the spring change whole, before and after the clock jumps', () => {
    const now = buildInstant('2026-03-29T20:00:00Z');

    expect(toBookingDay(buildInstant('2026-03-29T00:59:59Z'), now, AMSTERDAM)).toBe('2026-03-29');
    expect(toBookingDay(buildInstant('2026-03-29T01:00:00Z'), now, AMSTERDAM)).toBe('2026-03-29');
  });

  it('moves midnight back an hour in UTC once summer time ends', () => {
    const now = buildInstant('2026-10-28T12:00:00Z');

    // Summer time (UTC+2) until 25 October 2026, winter time (UTC+1) from then on.
    expect(toBookingDay(buildInstant('2026-10-24T22:00:00Z'), now, AMSTERDAM)).toBe('2026-10-25');
    expect(toBookingDay(buildInstant('2026-10-25T22:59:59Z'), now, AMSTERDAM)).toBe('2026-10-25');
    expect(toBookingDay(buildInstant('2026-10-25T23:00:00Z'), now, AMSTERDAM)).toBe('2026-10-26');
  });

  it('counts an event with a future occurredAt on today', () => {
    const now = buildInstant('2026-03-10T12:00:00Z');
    const occurredAt = buildInstant('2026-03-14T09:00:00Z');

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe(localDayOf(now, AMSTERDAM));
  });

  it('counts an event on today when it falls on tomorrow locally but today in UTC', () => {
    // 23:00 in Amsterdam; the event happens at 00:30 local time, tomorrow.
    const now = buildInstant('2026-03-09T22:00:00Z');
    const occurredAt = buildInstant('2026-03-09T23:30:00Z');

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe('2026-03-09');
  });

  it('counts an event on its own day when it is exactly LATE_EVENT_DAYS late', () => {
    const now = buildInstant('2026-03-10T12:00:00Z');
    const occurredAt = daysBefore(now, LATE_EVENT_DAYS);

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe(localDayOf(occurredAt, AMSTERDAM));
  });

  it('counts an event older than LATE_EVENT_DAYS on today', () => {
    const now = buildInstant('2026-03-10T12:00:00Z');
    const occurredAt = daysBefore(now, LATE_EVENT_DAYS + 1);

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe(localDayOf(now, AMSTERDAM));
  });

  it('measures lateness from the local day, which in Amsterdam starts before UTC midnight', () => {
    // 00:30 on 11 March in Amsterdam, still 10 March in UTC.
    const now = buildInstant('2026-03-10T23:30:00Z');
    const occurredAt = daysBefore(buildInstant('2026-03-10T12:00:00Z'), LATE_EVENT_DAYS);

    expect(toBookingDay(occurredAt, now, AMSTERDAM)).toBe('2026-03-11');
    expect(toBookingDay(occurredAt, now, 'UTC')).toBe(localDayOf(occurredAt, 'UTC'));
  });
});

describe('toReversalDay', () => {
  const now = buildInstant('2026-03-10T12:00:00Z');

  it('counts a reversal on the day of the entry it reverses', () => {
    expect(toReversalDay('2026-03-02', now, AMSTERDAM)).toBe('2026-03-02');
  });

  it('counts a reversal on the reversed day when that is exactly LATE_EVENT_DAYS ago', () => {
    const reversedDay = localDayOf(daysBefore(now, LATE_EVENT_DAYS), AMSTERDAM);

    expect(toReversalDay(reversedDay, now, AMSTERDAM)).toBe(reversedDay);
  });

  it('counts a reversal on today when the reversed day is older than LATE_EVENT_DAYS', () => {
    const reversedDay = localDayOf(daysBefore(now, LATE_EVENT_DAYS + 1), AMSTERDAM);

    expect(toReversalDay(reversedDay, now, AMSTERDAM)).toBe(localDayOf(now, AMSTERDAM));
  });

  it('takes today from the tenant time zone just after local midnight', () => {
    const justAfterMidnight = buildInstant('2026-03-10T23:30:00Z');

    expect(toReversalDay('2020-01-01', justAfterMidnight, AMSTERDAM)).toBe('2026-03-11');
    expect(toReversalDay('2020-01-01', justAfterMidnight, 'UTC')).toBe('2026-03-10');
  });
});

describe('toRetainFrom', () => {
  it('keeps every day a late event or a reversal may still count on', () => {
    const now = buildInstant('2026-03-10T12:00:00Z');
    const oldestBookable = localDayOf(daysBefore(now, LATE_EVENT_DAYS), AMSTERDAM);

    expect(toRetainFrom(now, AMSTERDAM) < oldestBookable).toBe(true);
  });
});
