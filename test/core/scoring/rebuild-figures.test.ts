import { describe, expect, it } from 'vitest';
import type {
  AppliedPoints,
  DailyPoints,
  LedgerSums,
  MemberTotals,
} from '../../../src/core/scoring/ports.js';
import { compareSums, sumLedger } from '../../../src/core/scoring/rebuild-figures.js';

const DAY = '2026-03-10';
const NEXT_DAY = '2026-03-11';

function buildRow(overrides: Partial<AppliedPoints> = {}): AppliedPoints {
  return {
    member: 'U_ADA',
    seq: 1,
    kind: 'activity',
    category: 'community',
    day: DAY,
    applied: 10,
    ...overrides,
  };
}

function buildTotals(overrides: Partial<MemberTotals> = {}): MemberTotals {
  return {
    member: 'U_ADA',
    total: 10,
    categories: { community: 10 },
    adjustments: 0,
    seq: 1,
    ...overrides,
  };
}

function buildDaily(overrides: Partial<DailyPoints> = {}): DailyPoints {
  return {
    member: 'U_ADA',
    day: DAY,
    points: 10,
    categories: { community: 10 },
    lastSeq: 1,
    ...overrides,
  };
}

function buildSums(totals: MemberTotals[], days: DailyPoints[]): LedgerSums {
  return { totals, days };
}

/** A small ledger of two members over two days, with a reversal and a penalty. */
function buildLedger(): AppliedPoints[] {
  return [
    buildRow({ seq: 1, applied: 10 }),
    buildRow({ seq: 2, category: 'learning', applied: 25 }),
    buildRow({ seq: 3, kind: 'reversal', applied: -10 }),
    buildRow({ seq: 4, kind: 'penalty', category: null, day: NEXT_DAY, applied: -5 }),
    buildRow({ member: 'U_BOB', seq: 1, category: 'impact', applied: 300 }),
  ];
}

describe('sumLedger', () => {
  it('returns no figures for an empty ledger', () => {
    expect(sumLedger([])).toEqual({ totals: [], days: [] });
  });

  it('adds up each member total, category split and newest sequence number', () => {
    const sums = sumLedger(buildLedger());

    expect(sums.totals).toEqual([
      {
        member: 'U_ADA',
        total: 20,
        categories: { community: 0, learning: 25 },
        adjustments: -5,
        seq: 4,
      },
      { member: 'U_BOB', total: 300, categories: { impact: 300 }, adjustments: 0, seq: 1 },
    ]);
  });

  it('adds up points per member and day, leaving penalties out of every category', () => {
    const sums = sumLedger(buildLedger());

    expect(sums.days).toEqual([
      {
        member: 'U_ADA',
        day: DAY,
        points: 25,
        categories: { community: 0, learning: 25 },
        lastSeq: 3,
      },
      { member: 'U_ADA', day: NEXT_DAY, points: -5, categories: {}, lastSeq: 4 },
      { member: 'U_BOB', day: DAY, points: 300, categories: { impact: 300 }, lastSeq: 1 },
    ]);
  });

  it('gives the same sums whatever order the ledger is read in', () => {
    const rows = buildLedger();

    expect(sumLedger([...rows].reverse())).toEqual(sumLedger(rows));
  });

  it('orders totals by member and days by member, then day', () => {
    const sums = sumLedger([
      buildRow({ member: 'U_ZED', day: NEXT_DAY }),
      buildRow({ member: 'U_ZED', day: DAY, seq: 2 }),
      buildRow({ member: 'U_ADA' }),
    ]);

    expect(sums.totals.map((totals) => totals.member)).toEqual(['U_ADA', 'U_ZED']);
    expect(sums.days.map(({ member, day }) => `${member} ${day}`)).toEqual([
      `U_ADA ${DAY}`,
      `U_ZED ${DAY}`,
      `U_ZED ${NEXT_DAY}`,
    ]);
  });
});

describe('compareSums', () => {
  it('finds no mismatch when the stored figures equal the ledger', () => {
    const rebuilt = sumLedger(buildLedger());

    expect(compareSums(structuredClone(rebuilt), rebuilt)).toEqual([]);
  });

  it('finds no mismatch when only the order of category keys differs', () => {
    const rebuilt = buildSums(
      [buildTotals({ total: 35, categories: { community: 10, learning: 25 } })],
      [],
    );
    const stored = buildSums(
      [buildTotals({ total: 35, categories: { learning: 25, community: 10 } })],
      [],
    );

    expect(compareSums(stored, rebuilt)).toEqual([]);
  });

  it('names the member whose stored total differs from the ledger', () => {
    const rebuilt = buildSums([buildTotals(), buildTotals({ member: 'U_BOB' })], []);
    const stored = buildSums([buildTotals(), buildTotals({ member: 'U_BOB', total: 99 })], []);

    const mismatches = compareSums(stored, rebuilt);

    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toContain('U_BOB');
  });

  it('reports a member the ledger has but the stored figures lack', () => {
    const rebuilt = buildSums(
      [buildTotals({ member: 'U_NEW' })],
      [buildDaily({ member: 'U_NEW' })],
    );

    const mismatches = compareSums(buildSums([], []), rebuilt);

    expect(mismatches).toHaveLength(2);
    expect(mismatches.every((mismatch) => mismatch.includes('U_NEW'))).toBe(true);
  });

  it('names the day whose stored points differ from the ledger', () => {
    const rebuilt = buildSums([buildTotals()], [buildDaily(), buildDaily({ day: NEXT_DAY })]);
    const stored = buildSums(
      [buildTotals()],
      [buildDaily(), buildDaily({ day: NEXT_DAY, points: 3 })],
    );

    const mismatches = compareSums(stored, rebuilt);

    expect(mismatches).toHaveLength(1);
    expect(mismatches[0]).toContain(NEXT_DAY);
  });

  it('names stored totals that have no ledger entries', () => {
    const rebuilt = buildSums([buildTotals()], []);
    const stored = buildSums([buildTotals(), buildTotals({ member: 'U_GHOST' })], []);

    const mismatches = compareSums(stored, rebuilt);

    expect(mismatches).toEqual([expect.stringMatching(/^totals of U_GHOST.*the ledger has none/)]);
  });

  it('names a stored member absent from the ledger even when counts are equal', () => {
    const rebuilt = buildSums([buildTotals(), buildTotals({ member: 'U_B' })], []);
    const stored = buildSums([buildTotals(), buildTotals({ member: 'U_X' })], []);

    const mismatches = compareSums(stored, rebuilt);

    expect(mismatches).toHaveLength(2);
    expect(mismatches.join('\n')).toMatch(/totals of U_B[\s\S]*totals of U_X/);
  });

  it('names stored daily sums that have no ledger entries', () => {
    const rebuilt = buildSums([], [buildDaily({ day: DAY })]);
    const stored = buildSums([], [buildDaily({ day: DAY }), buildDaily({ day: NEXT_DAY })]);

    const mismatches = compareSums(stored, rebuilt);

    expect(mismatches).toEqual([expect.stringContaining(`${NEXT_DAY} of`)]);
  });
});
