/** View models of the profile: what a member sees, before any platform renders it. */
import type { AdminLedgerView } from '../admins/admin-view.js';
import type { Category } from '../catalog/activity-catalog.js';
import type {
  ConnectionsView,
  EmailInvitationView,
  InvitationView,
  ReferralView,
} from '../connections/connection-view.js';
import type { FormView } from '../forms/form-view.js';
import type { PersonalInfo } from './personal-info.js';
import type { PortfolioView, ProjectView } from '../portfolio/portfolio-view.js';
import type { ActivityView } from '../activity/activity-view.js';
import type { LeaderboardPosition, LeaderboardView } from '../leaderboards/leaderboard-view.js';
import type { LevelProgress } from '../scoring/levels.js';
import type { BadgesView, FeaturedBadge } from '../badges/badge-view.js';
import type { ChallengesView } from '../challenges/challenge-view.js';
import type { AssignedChallenge } from '../challenges/challenges.js';
import type { ShopOrderView, ShopView } from '../shop/shop-view.js';

/** Points of one category, with its share of the largest category for drawing bars. */
export interface CategoryBar {
  category: Category;
  label: string;
  points: number;
  /** 0 to 1, relative to the category with the most points. */
  share: number;
}

/** A button that runs a command, the same as typing it. */
export interface CommandAction {
  label: string;
  /** Command text in the shared grammar, such as "stats". */
  command: string;
}

/** Who a profile belongs to. */
export interface ProfileSubject {
  userId: string;
  displayName: string;
  company: string | null;
  isViewer: boolean;
}

/** The profile header and the points split (SPEC §6). */
export interface ProfileView {
  kind: 'profile';
  subject: ProfileSubject;
  points: number;
  level: LevelProgress;
  credits: number;
  connections: number;
  /** Place on the 30-day leaderboard of everyone; null without points in that window. */
  position: LeaderboardPosition | null;
  /** Up to four badges the member chose to show. */
  featuredBadges: FeaturedBadge[];
  /** The challenge the member works on, shown on the member's own profile; else null. */
  assignedChallenge: AssignedChallenge | null;
  categories: CategoryBar[];
  /** The personal-info card; null until the member saved settings. */
  info?: PersonalInfo | null;
  /** Whether only the member and admins see this profile. */
  isPrivate?: boolean;
  actions: CommandAction[];
}

/** Someone else's private profile: only that it is private. */
export interface PrivateProfileView {
  kind: 'private_profile';
  userId: string;
  displayName: string;
}

/** Points by category in detail. */
export interface StatsView {
  kind: 'stats';
  subject: ProfileSubject;
  points: number;
  level: LevelProgress;
  categories: CategoryBar[];
  /** Net points of penalties, shown when there are any. */
  adjustments: number;
  /** The categories as a chart image; null or absent when there is none, so text only. */
  chartUrl?: string | null;
  actions: CommandAction[];
}

/** A member asked about someone who has no profile yet. */
export interface NoProfileView {
  kind: 'no_profile';
  userId: string;
}

/** The commands and what they do. */
export interface HelpView {
  kind: 'help';
  commands: { usage: string; description: string }[];
  actions: CommandAction[];
}

/** The command could not be understood; says why and how to use it. */
export interface UsageView {
  kind: 'usage';
  problem: string;
  commands: { usage: string; description: string }[];
  actions: CommandAction[];
}

/** A short answer that is not an error: nothing to show, and why. */
export interface NoticeView {
  kind: 'notice';
  message: string;
  actions: CommandAction[];
}

/** Something went wrong on our side; says so without internals. */
export interface FailureView {
  kind: 'failure';
  message: string;
}

/** Everything a command can answer with. */
export type View =
  | ProfileView
  | StatsView
  | NoProfileView
  | HelpView
  | UsageView
  | NoticeView
  | LeaderboardView
  | ConnectionsView
  | InvitationView
  | ReferralView
  | EmailInvitationView
  | AdminLedgerView
  | FormView
  | PrivateProfileView
  | PortfolioView
  | ProjectView
  | ActivityView
  | BadgesView
  | ChallengesView
  | ShopView
  | ShopOrderView
  | FailureView;
