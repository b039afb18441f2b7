/** Which day an activity's points count on. */
import { addDays, toLocalDay } from '../shared/calendar.js';

/**
 * How many days late an event may arrive and still count on the day it happened. Older days
 * belong to leaderboards and digests that were already published, so a later event counts on
 * the day it arrives instead.
 */
export const LATE_EVENT_DAYS = 35;

/** Days the member figures keep beyond the late-event window, for clocks that disagree a little. */
const RETENTION_MARGIN_DAYS = 5;

/** The day a booking counts on: the day it occurred, unless that is in the future or too old. */
export function toBookingDay(occurredAt: Date, now: Date, timeZone: string): string {
  const today = toLocalDay(now, timeZone);
  const occurredOn = toLocalDay(occurredAt, timeZone);
  if (occurredOn > today) return today;
  if (occurredOn < addDays(today, -LATE_EVENT_DAYS)) return today;
  return occurredOn;
}

/** The oldest day whose figures a member's newest ledger entry must still carry. */
export function toRetainFrom(now: Date, timeZone: string): string {
  return addDays(toLocalDay(now, timeZone), -(LATE_EVENT_DAYS + RETENTION_MARGIN_DAYS));
}

/** The day a reversal counts on: the reversed entry's day, unless that day is too old. */
export function toReversalDay(reversedDay: string, now: Date, timeZone: string): string {
  const today = toLocalDay(now, timeZone);
  return reversedDay < addDays(today, -LATE_EVENT_DAYS) ? today : reversedDay;
}
