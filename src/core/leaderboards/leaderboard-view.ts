/** The leaderboard as a member sees it, before any platform renders it. */
import type { CommandAction } from '../profile/profile-view.js';

export interface LeaderboardRow {
  rank: number;
  displayName: string;
  points: number;
  isViewer: boolean;
}

/** A member's place on a leaderboard. */
export interface LeaderboardPosition {
  rank: number;
  points: number;
}

export interface LeaderboardView {
  kind: 'leaderboard';
  /** Who is ranked: "Everyone", a category or a company. */
  title: string;
  /** First and last day of the 30-day window, YYYY-MM-DD. */
  window: { from: string; to: string };
  rows: LeaderboardRow[];
  /** The viewer's place when it is not among the rows; null when it is, or without points. */
  viewer: LeaderboardPosition | null;
  /** Minutes since the order below the leaders was computed; their points are current. */
  minutesSinceUpdate: number;
  actions: CommandAction[];
}
