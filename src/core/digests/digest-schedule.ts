/**
 * When a digest is due: every local day at the subscription's time in its time zone. Days are
 * counted in that zone, so that a daylight-saving change moves the instant, never the count.
 */
import dayjs from 'dayjs';
import { addDays, toLocalDay } from '../shared/calendar.js';

const LOCAL_TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "9:05" or "09:05" as "09:05"; null when it is no time of day. */
export function parseLocalTime(text: string): string | null {
  const match = LOCAL_TIME.exec(text);
  if (!match) return null;
  return `${match[1]!.padStart(2, '0')}:${match[2]}`;
}

/** The instant `time` (HH:MM) falls on during `day` (YYYY-MM-DD) in the time zone. */
export function toScheduledInstant(day: string, time: string, timeZone: string): Date {
  return dayjs.tz(`${day} ${time}`, timeZone).toDate();
}

/** One day's digest: the local day and the instant it is scheduled for. */
export interface DigestOccurrence {
  day: string;
  scheduledAt: Date;
}

/** The latest occurrence at or before `now`: today's once its time has come, else yesterday's. */
export function latestOccurrence(now: Date, time: string, timeZone: string): DigestOccurrence {
  const today = toLocalDay(now, timeZone);
  const todayAt = toScheduledInstant(today, time, timeZone);
  if (todayAt.getTime() <= now.getTime()) return { day: today, scheduledAt: todayAt };

  const yesterday = addDays(today, -1);
  return { day: yesterday, scheduledAt: toScheduledInstant(yesterday, time, timeZone) };
}

/** The first occurrence after `now`. */
export function nextOccurrence(now: Date, time: string, timeZone: string): DigestOccurrence {
  const latest = latestOccurrence(now, time, timeZone);
  const day = addDays(latest.day, 1);
  return { day, scheduledAt: toScheduledInstant(day, time, timeZone) };
}

/**
 * The first day a new subscription posts: its next occurrence, but never the local day (in its
 * own zone) on which the channel last got a digest, nor one before it.
 */
export function firstDigestDay(
  now: Date,
  time: string,
  timeZone: string,
  lastPostedAt?: Date,
): string {
  const next = nextOccurrence(now, time, timeZone).day;
  if (!lastPostedAt) return next;
  const afterLast = addDays(toLocalDay(lastPostedAt, timeZone), 1);
  return afterLast > next ? afterLast : next;
}
