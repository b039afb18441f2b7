/** View models of challenges: what a member sees, before any platform renders it. */
import type { CommandAction } from '../profile/profile-view.js';
import type { ChallengeStatus, StepProgress } from './challenge.js';

/** A step as shown, with the activity's name. */
export interface StepLine extends StepProgress {
  label: string;
}

/** One challenge with the member's progress. */
export interface ChallengeLine {
  id: string;
  title: string;
  credits: number;
  status: ChallengeStatus;
  steps: StepLine[];
  /** "12 days left", "claimable for 3 days", "starts in 2 days", "credits claimed". */
  timeText: string;
  /** Claim Credits, when every step is done and nothing was claimed yet. */
  action: CommandAction | null;
}

/** `challenges`: the open challenges with each step's progress. */
export interface ChallengesView {
  kind: 'challenges';
  /** What the last action did, or why it changed nothing. */
  message: string | null;
  challenges: ChallengeLine[];
  credits: number;
  actions: CommandAction[];
}
