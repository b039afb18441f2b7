import { describe, expect, it } from 'vitest';
import { parseScopeRequest } from '../../../src/core/leaderboards/scope.js';
import {
  BOARD_CANDIDATES,
  computeBoards,
  countAbove,
  pointsInWindow,
  toWindow,
  withSharedRanks,
  type Standing,
} from '../../../src/core/leaderboards/standings.js';

const ACME = { key: 'acme.com', name: 'Acme' };
const INITECH = { key: 'initech.com', name: 'Initech' };
const NOW = new Date('2026-12-03T12:00:00Z');

function standing(member: string, recent: Standing['recent'], company = ACME): Standing {
  return { member, displayName: member, company, recent };
}

describe('the 30-day window', () => {
  it('runs from 29 days before today to today', () => {
    expect(toWindow('2026-12-03')).toEqual({ from: '2026-11-04', to: '2026-12-03' });
    expect(toWindow('2026-03-01')).toEqual({ from: '2026-01-31', to: '2026-03-01' });
  });

  it('counts the first and the last day and nothing outside', () => {
    const recent = {
      '2026-11-03': { points: 1000, categories: { community: 1000 } },
      '2026-11-04': { points: 10, categories: { community: 10 } },
      '2026-12-03': { points: 5, categories: { learning: 5 } },
      '2026-12-04': { points: 2000, categories: { community: 2000 } },
    };

    expect(pointsInWindow(recent, '2026-12-03')).toBe(15);
    expect(pointsInWindow(recent, '2026-12-03', 'community')).toBe(10);
    expect(pointsInWindow(recent, '2026-12-03', 'impact')).toBe(0);
  });
});

describe('ranks', () => {
  it('gives tied members one rank and skips the places they take', () => {
    const ranked = withSharedRanks([{ points: 9 }, { points: 7 }, { points: 7 }, { points: 3 }]);

    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 2, 4]);
  });

  it('counts the members with more points from the histogram', () => {
    const histogram = [
      { points: 50, members: 1 },
      { points: 20, members: 3 },
      { points: 5, members: 10 },
    ];

    expect(countAbove(histogram, 60)).toBe(0);
    expect(countAbove(histogram, 50)).toBe(0);
    expect(countAbove(histogram, 49)).toBe(1);
    expect(countAbove(histogram, 20)).toBe(1);
    expect(countAbove(histogram, 1)).toBe(14);
  });
});

describe('computeBoards', () => {
  const day = (points: number, category = 'community') => ({
    points,
    categories: { [category]: points },
  });
  const standings = [
    standing('ada', { '2026-12-01': day(30), '2026-12-02': day(20, 'learning') }),
    standing('bob', { '2026-12-03': day(50, 'learning') }, INITECH),
    standing('cyd', { '2026-10-01': day(500) }),
    standing('dee', { '2026-12-03': day(-5) }),
  ];

  it('ranks everyone, each category and each company with points', () => {
    const boards = computeBoards(standings, '2026-12-03', NOW);
    const byKey = new Map(boards.map((board) => [JSON.stringify(board.scope), board]));

    expect(byKey.get('{"kind":"all"}')!.top).toEqual([
      { member: 'ada', displayName: 'ada', points: 50 },
      { member: 'bob', displayName: 'bob', points: 50 },
    ]);
    expect(byKey.get('{"kind":"all"}')!.histogram).toEqual([{ points: 50, members: 2 }]);
    expect(
      byKey.get('{"kind":"category","category":"learning"}')!.top.map((e) => e.member),
    ).toEqual(['bob', 'ada']);
    expect(byKey.get('{"kind":"company","key":"acme.com","name":"Acme"}')!.top).toEqual([
      { member: 'ada', displayName: 'ada', points: 50 },
    ]);
    expect(byKey.get('{"kind":"company","key":"initech.com","name":"Initech"}')!.top).toHaveLength(
      1,
    );
  });

  it('leaves out members without points in the window, and companies with nobody left', () => {
    const boards = computeBoards([standings[2]!, standings[3]!], '2026-12-03', NOW);

    expect(boards.every((board) => board.top.length === 0)).toBe(true);
    expect(boards.some((board) => board.scope.kind === 'company')).toBe(false);
  });

  it('keeps the leading candidates in order and counts everyone in the histogram', () => {
    const many = Array.from({ length: 120 }, (_, index) =>
      standing(`m${String(index).padStart(3, '0')}`, { '2026-12-03': day(index + 1) }),
    );

    const [everyone] = computeBoards(many, '2026-12-03', NOW);

    expect(everyone!.top).toHaveLength(BOARD_CANDIDATES);
    expect(everyone!.top[0]).toMatchObject({ member: 'm119', points: 120 });
    expect(everyone!.histogram.reduce((sum, score) => sum + score.members, 0)).toBe(120);
  });
});

describe('parseScopeRequest', () => {
  it('reads everyone, a category, a company by name and the own company', () => {
    expect(parseScopeRequest([])).toEqual({ kind: 'all' });
    expect(parseScopeRequest(['all'])).toEqual({ kind: 'all' });
    expect(parseScopeRequest(['Learning'])).toEqual({ kind: 'category', category: 'learning' });
    expect(parseScopeRequest(['company', 'Acme', 'Corp'])).toEqual({
      kind: 'company',
      name: 'Acme Corp',
    });
    expect(parseScopeRequest(['company'])).toEqual({ kind: 'company', name: null });
  });

  it('refuses words that name no scope', () => {
    expect(parseScopeRequest(['gardening'])).toBeNull();
    expect(parseScopeRequest(['all', 'of', 'them'])).toBeNull();
    expect(parseScopeRequest(['learning', 'extra'])).toBeNull();
  });
});
