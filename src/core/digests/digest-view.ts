/** The daily digest of a channel, before any platform renders it. */

/** One member among the leaders. */
export interface DigestRow {
  rank: number;
  displayName: string;
  points: number;
}

/** A member who moved up since the previous digest. */
export interface DigestClimber {
  displayName: string;
  /** Rank in the previous digest; null when the member was not ranked then. */
  from: number | null;
  to: number;
}

/** A badge earned since the previous digest. */
export interface DigestBadge {
  displayName: string;
  badgeName: string;
  level: number;
  rarity: 'green' | 'blue' | 'purple' | 'orange';
}

export interface DigestView {
  kind: 'digest';
  /** Who is ranked: "Everyone", a category or a company. */
  title: string;
  /** The local day the digest is for, YYYY-MM-DD. */
  day: string;
  /** Posted well after its time, because the app was not running then. */
  late: boolean;
  /** First and last day of the leaderboard window, YYYY-MM-DD. */
  window: { from: string; to: string };
  rows: DigestRow[];
  /** The leaders as a chart image; null or absent when there is none, so text only. */
  chartUrl?: string | null;
  /** Empty on the first digest of a subscription. */
  climbers: DigestClimber[];
  badges: DigestBadge[];
}
