import { describe, expect, it } from 'vitest';
import {
  rankCandidates,
  type CandidateSignals,
} from '../../../src/core/connections/suggest-people.js';

function buildCandidate(
  userId: string,
  signals: Partial<Omit<CandidateSignals, 'profile'>> = {},
): CandidateSignals {
  return {
    profile: {
      userId,
      displayName: userId,
      company: { key: 'acme.com', name: 'Acme' },
      private: false,
    },
    mutualConnections: 0,
    sameCompany: false,
    sharedChannels: 0,
    ...signals,
  };
}

describe('rankCandidates', () => {
  it('ranks mutual connections over company over shared channels, with one reason each', () => {
    const ranked = rankCandidates(
      [
        buildCandidate('channel', { sharedChannels: 2 }),
        buildCandidate('colleague', { sameCompany: true, sharedChannels: 1 }),
        buildCandidate('friend', { mutualConnections: 3, sameCompany: true }),
      ],
      5,
    );

    expect(ranked.map(({ profile, reason }) => [profile.userId, reason])).toEqual([
      ['friend', '3 mutual connections'],
      ['colleague', 'also at Acme'],
      ['channel', '2 shared channels'],
    ]);
  });

  it('leaves out candidates without any signal and keeps to the limit', () => {
    const ranked = rankCandidates(
      [
        buildCandidate('nobody'),
        buildCandidate('b', { sharedChannels: 1 }),
        buildCandidate('a', { sharedChannels: 1 }),
      ],
      1,
    );

    expect(ranked).toEqual([
      { profile: expect.objectContaining({ userId: 'a' }), reason: '1 shared channel' },
    ]);
  });
});
