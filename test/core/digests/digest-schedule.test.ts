import { describe, expect, it } from 'vitest';
import { parseDigestCommand } from '../../../src/core/digests/digest-command.js';
import {
  firstDigestDay,
  latestOccurrence,
  nextOccurrence,
  parseLocalTime,
  toScheduledInstant,
} from '../../../src/core/digests/digest-schedule.js';

const AMSTERDAM = 'Europe/Amsterdam';

describe('digest schedule', () => {
  it('starts a re-subscription after the local day of the channel’s last digest', () => {
    const now = new Date('2026-12-04T02:00:00Z');
    const lastPostedAt = new Date('2026-12-04T01:53:00Z');
    const la = 'America/Los_Angeles';
    // 17:53 on 3 December in Los Angeles: 18:01 that day would be the same day again.
    expect(firstDigestDay(now, '18:01', la)).toBe('2026-12-03');
    expect(firstDigestDay(now, '18:01', la, lastPostedAt)).toBe('2026-12-04');
    // A last digest on an earlier day changes nothing.
    expect(firstDigestDay(now, '18:01', la, new Date('2026-12-02T01:53:00Z'))).toBe('2026-12-03');
    expect(firstDigestDay(now, '03:00', 'UTC', lastPostedAt)).toBe('2026-12-05');
  });

  it('reads times of day and refuses what is none', () => {
    expect(parseLocalTime('9:05')).toBe('09:05');
    expect(parseLocalTime('23:59')).toBe('23:59');
    expect(parseLocalTime('24:00')).toBeNull();
    expect(parseLocalTime('12:60')).toBeNull();
    expect(parseLocalTime('noon')).toBeNull();
  });

  it('puts 00:30 Amsterdam on each side of the October change at the right instant', () => {
    // Summer time (UTC+2) on 25 October at 00:30; winter time (UTC+1) from 03:00 that night.
    expect(toScheduledInstant('2026-10-25', '00:30', AMSTERDAM).toISOString()).toBe(
      '2026-10-24T22:30:00.000Z',
    );
    expect(toScheduledInstant('2026-10-26', '00:30', AMSTERDAM).toISOString()).toBe(
      '2026-10-25T23:30:00.000Z',
    );
  });

  it('gives one occurrence per local day across the change, 25 hours apart on the long day', () => {
    const days = new Set<string>();
    for (let t = Date.parse('2026-10-24T12:00:00Z'); t < Date.parse('2026-10-27T12:00:00Z');) {
      days.add(latestOccurrence(new Date(t), '00:30', AMSTERDAM).day);
      t += 10 * 60_000;
    }
    expect([...days]).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);

    const first = nextOccurrence(new Date('2026-10-24T12:00:00Z'), '00:30', AMSTERDAM);
    const second = nextOccurrence(first.scheduledAt, '00:30', AMSTERDAM);
    expect(first.day).toBe('2026-10-25');
    expect(second.scheduledAt.getTime() - first.scheduledAt.getTime()).toBe(25 * 3_600_000);
  });

  it('counts today only once its time has come', () => {
    const before = latestOccurrence(new Date('2026-03-10T07:59:00Z'), '09:00', AMSTERDAM);
    const after = latestOccurrence(new Date('2026-03-10T08:00:00Z'), '09:00', AMSTERDAM);
    expect(before.day).toBe('2026-03-09');
    expect(after.day).toBe('2026-03-10');
  });
});

describe('digest command', () => {
  it('reads scope, time and zone, each optional', () => {
    expect(parseDigestCommand(['subscribe'])).toEqual({
      name: 'digest',
      action: 'subscribe',
      scope: { kind: 'all' },
      time: null,
      timeZone: null,
    });
    expect(parseDigestCommand(['subscribe', 'company', 'Acme', 'Inc', '7:30', 'utc'])).toEqual({
      name: 'digest',
      action: 'subscribe',
      scope: { kind: 'company', name: 'Acme Inc' },
      time: '07:30',
      timeZone: 'UTC',
    });
    expect(parseDigestCommand(['subscribe', 'learning', 'europe/amsterdam'])).toMatchObject({
      scope: { kind: 'category', category: 'learning' },
      timeZone: 'Europe/Amsterdam',
    });
    // The runtime knows Kolkata by its old name; the member's spelling stays.
    expect(parseDigestCommand(['subscribe', 'Asia/Kolkata'])).toMatchObject({
      timeZone: 'Asia/Kolkata',
    });
  });

  it('says what is wrong with a bad time, zone or scope', () => {
    expect(parseDigestCommand(['subscribe', '25:00'])).toContain('“25:00” is not a time of day');
    expect(parseDigestCommand(['subscribe', '09:00', 'Mars/Olympus'])).toContain(
      '“Mars/Olympus” is not a time zone',
    );
    expect(parseDigestCommand(['subscribe', 'everything'])).toContain('takes a scope');
    expect(parseDigestCommand(['list', 'now'])).toContain('takes no arguments');
    expect(parseDigestCommand(['sometimes'])).toContain('subscribe, unsubscribe or list');
    expect(parseDigestCommand([])).toEqual({ name: 'digest', action: 'list' });
  });
});
