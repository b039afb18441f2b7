/** View models of badges: what a member sees, before any platform renders it. */
import type { CommandAction } from '../profile/profile-view.js';
import type { Rarity } from './badge-catalog.js';

/** A badge as listed: earned, in progress, or next. */
export interface BadgeLine {
  key: string;
  name: string;
  description: string;
  /** The highest earned level, 0 when none. */
  level: number;
  levelCount: number;
  /** The rarity of the earned level; null when none is earned. */
  rarity: Rarity | null;
  value: number;
  /** What the next level needs; null when every level is earned. */
  nextThreshold: number | null;
  /** 0 to 1 towards the next level; null when every level is earned. */
  fraction: number | null;
  featured: boolean;
  /** Select as featured or Remove from featured, for the member's own earned badges. */
  action: CommandAction | null;
}

/** A featured badge in the profile header. */
export interface FeaturedBadge {
  key: string;
  name: string;
  level: number;
  rarity: Rarity;
}

/** `badges`: earned badges (one page of them), badges in progress and next badges. */
export interface BadgesView {
  kind: 'badges';
  subject: { userId: string; displayName: string; isViewer: boolean };
  /** What the last action did, or why it changed nothing. */
  message: string | null;
  featured: FeaturedBadge[];
  earned: BadgeLine[];
  earnedTotal: number;
  page: number;
  pageCount: number;
  inProgress: BadgeLine[];
  next: BadgeLine[];
  /** Paging, and the way back to the profile. */
  actions: CommandAction[];
}
