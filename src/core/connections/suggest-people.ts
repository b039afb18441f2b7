/** "People you may know": members ranked by mutual connections, company and shared channels. */
import type { CandidateProfile } from './connection.js';

/** What is known about one candidate. */
export interface CandidateSignals {
  profile: CandidateProfile;
  mutualConnections: number;
  sameCompany: boolean;
  sharedChannels: number;
}

/** A ranked candidate and why. */
export interface RankedCandidate {
  profile: CandidateProfile;
  reason: string;
}

/**
 * Weights: a mutual connection says most about knowing someone, a shared company a fair
 * amount, a shared channel least; the weights only order the list.
 */
const MUTUAL_WEIGHT = 3;
const COMPANY_WEIGHT = 2;
const CHANNEL_WEIGHT = 1;

/** The best candidates first, ties by name; candidates without any signal are left out. */
export function rankCandidates(candidates: CandidateSignals[], limit: number): RankedCandidate[] {
  return candidates
    .map((candidate) => ({ candidate, score: scoreOf(candidate) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        nameOf(a.candidate).localeCompare(nameOf(b.candidate)) ||
        a.candidate.profile.userId.localeCompare(b.candidate.profile.userId),
    )
    .slice(0, limit)
    .map(({ candidate }) => ({ profile: candidate.profile, reason: toReason(candidate) }));
}

function scoreOf(candidate: CandidateSignals): number {
  return (
    candidate.mutualConnections * MUTUAL_WEIGHT +
    (candidate.sameCompany ? COMPANY_WEIGHT : 0) +
    candidate.sharedChannels * CHANNEL_WEIGHT
  );
}

/** The strongest signal, in one short line. */
function toReason(candidate: CandidateSignals): string {
  const { mutualConnections, sameCompany, sharedChannels, profile } = candidate;
  if (mutualConnections > 0) return plural(mutualConnections, 'mutual connection');
  if (sameCompany && profile.company) return `also at ${profile.company.name}`;
  return plural(sharedChannels, 'shared channel');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function nameOf(candidate: CandidateSignals): string {
  return candidate.profile.displayName ?? candidate.profile.userId;
}
