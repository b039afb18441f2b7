import { describe, expect, it } from 'vitest';
import { toRelativeTime } from '../../../src/core/activity/activity-feed.js';

describe('toRelativeTime', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it.each([
    ['2026-03-10T11:59:30Z', 'a few seconds ago'],
    ['2026-03-10T09:00:00Z', '3 hours ago'],
    ['2026-03-08T12:00:00Z', '2 days ago'],
  ])('says %s as %j', (at, text) => {
    expect(toRelativeTime(new Date(at), now)).toBe(text);
  });

  it('never says a time is in the future', () => {
    expect(toRelativeTime(new Date('2026-03-11T12:00:00Z'), now)).toBe('a few seconds ago');
  });
});
