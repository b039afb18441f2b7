/** Calendar days in a tenant's time zone, written YYYY-MM-DD so that they sort as strings. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The calendar day an instant falls on in the time zone. */
export function toLocalDay(instant: Date, timeZone: string): string {
  return dayjs(instant).tz(timeZone).format('YYYY-MM-DD');
}

/** The day `count` days after `day` (before, when negative). */
export function addDays(day: string, count: number): string {
  return dayjs.utc(day).add(count, 'day').format('YYYY-MM-DD');
}

/** Whether the runtime knows the IANA time zone name. */
export function isValidTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The instant a YYYY-MM-DD day begins in the time zone. */
export function toStartOfDay(day: string, timeZone: string): Date {
  return dayjs.tz(day, timeZone).toDate();
}
