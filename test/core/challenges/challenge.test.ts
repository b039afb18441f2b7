import { describe, expect, it } from 'vitest';
import { toChallengeId, toChallengeStatus } from '../../../src/core/challenges/challenge.js';
import { emptyMeasures, foldEntry } from '../../../src/core/badges/badge-progress.js';
import type { LedgerEntry } from '../../../src/core/scoring/ledger-entry.js';

const window = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-03-11T00:00:00Z') };
const at = (instant: string) => new Date(instant);

describe('the status of a challenge', () => {
  it.each([
    ['before the start', '2026-02-28T12:00:00Z', false, false, 'upcoming'],
    ['open and incomplete', '2026-03-05T12:00:00Z', false, false, 'open'],
    ['complete inside the window', '2026-03-05T12:00:00Z', true, false, 'claimable'],
    ['complete in the grace period', '2026-03-13T12:00:00Z', true, false, 'claimable'],
    ['complete after the grace period', '2026-03-14T00:00:00Z', true, false, 'expired'],
    ['incomplete after the end', '2026-03-11T00:00:00Z', false, false, 'expired'],
    ['claimed', '2026-03-20T00:00:00Z', true, true, 'claimed'],
  ] as const)('is right %s', (_case, now, complete, claimed, status) => {
    expect(toChallengeStatus(window, { complete, claimed }, at(now), 3)).toBe(status);
  });

  it('makes ids from titles', () => {
    expect(toChallengeId('  Spring Helper: 2026!  ')).toBe('spring-helper-2026');
    expect(toChallengeId('***')).toBe('challenge');
  });
});

describe('folding ledger entries into badge measures', () => {
  const entry = (seq: number, fields: Partial<LedgerEntry>): LedgerEntry =>
    ({ seq, kind: 'activity', limitedBy: null, day: '2026-03-01', ...fields }) as LedgerEntry;

  it('counts activities net of reversals, skips self-directed ones and keeps the best run', () => {
    const entries = [
      entry(1, { activity: 'community.upvote_received', day: '2026-03-01' }),
      entry(2, { activity: 'community.upvote_received', day: '2026-03-02' }),
      entry(3, { activity: 'community.upvote_received', limitedBy: 'self_directed' }),
      entry(4, { activity: 'community.upvote_received', kind: 'reversal', day: '2026-03-02' }),
      entry(5, { activity: 'platform.buzz_posted', day: '2026-03-05' }),
      entry(5, { activity: 'platform.buzz_posted', day: '2026-03-06' }),
    ];
    const measures = entries.reduce(foldEntry, emptyMeasures());

    expect(measures).toEqual({
      seq: 5,
      counts: { 'community.upvote_received': 1, 'platform.buzz_posted': 1 },
      streak: { lastDay: '2026-03-05', current: 1, best: 2 },
    });
  });
});
