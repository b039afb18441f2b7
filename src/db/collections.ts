/**
 * The collections, their documents and their indexes.
 *
 * Every document a hot path reads is found by its `_id`, a string made of the tenant and the
 * natural key. FerretDB, the embedded database, uses indexes only to enforce uniqueness and
 * answers other filters by scanning, while MongoDB serves both kinds of lookup from indexes.
 *
 * Correctness rests on inserts into unique keys alone. FerretDB applies an update by reading the
 * document and writing it back, so two concurrent updates of one document can lose one of
 * them; only an insert that a unique key refuses is atomic there. Documents that are updated
 * in place hold derived figures that the next write repairs.
 */
import type { Binary, Collection, Db, Document } from 'mongodb';
import { withBusyRetry } from './busy-retry.js';
import {
  ensureConnectionIndexes,
  toConnectionCollections,
  type ConnectionCollections,
} from './connection-documents.js';
import type { Category } from '../core/catalog/activity-catalog.js';
import type { StoredConversation } from '../core/conversations/conversation.js';
import type { Member } from '../core/members/member.js';
import type { ActivityEvent } from '../core/scoring/activity-event.js';
import type { LedgerEntry, RecordedEvent } from '../core/scoring/ledger-entry.js';
import type { Company } from '../core/members/company.js';
import type { Board, RecentDays } from '../core/leaderboards/standings.js';
import type { CategoryPoints } from '../core/scoring/member-figures.js';
import type { DigestSubscription } from '../core/digests/digest-subscription.js';
import type { PersonalInfo } from '../core/profile/personal-info.js';
import type { Project } from '../core/portfolio/project.js';
import type { BadgeAward } from '../core/badges/ports.js';
import type { CreditEntry } from '../core/credits/credit-ledger.js';
import type { Challenge } from '../core/challenges/challenge.js';
import type { ShopItem, ShopOrder } from '../core/shop/shop-item.js';

export interface TenantDocument {
  _id: string;
  timeZone: string;
  createdAt: Date;
}

export type MemberDocument = Omit<Member, 'platformAdmin'> & {
  _id: string;
  /** Absent on members stored before the platform was asked. */
  platformAdmin?: boolean;
  /** Set once kept events and sign-up awards were settled for the member. */
  signupSettled?: boolean;
  /** Whether only the member and admins see the profile; absent means public. */
  private?: boolean;
};

/** Links an e-mail address to the member who has it; the first member to claim it keeps it. */
export interface MemberEmailDocument {
  _id: string;
  tenant: string;
  email: string;
  userId: string;
}

export type LedgerDocument = LedgerEntry & { _id: string };

/** Finds a ledger entry by its event key without a query on other fields. */
export type LedgerEventDocument = RecordedEvent & { _id: string };

export interface MemberScoreDocument {
  _id: string;
  tenant: string;
  member: string;
  seq: number;
  total: number;
  categories: CategoryPoints;
  adjustments: number;
  /** The member's recent days, so that leaderboards read one document per member. */
  recent?: RecentDays;
}

export interface DailyPointsDocument {
  _id: string;
  tenant: string;
  member: string;
  day: string;
  points: number;
  categories: Partial<Record<Category, number>>;
  lastSeq: number;
}

export interface ClaimDocument {
  _id: string;
  owner: string;
  claimedAt: Date;
}

export interface PendingEventDocument {
  _id: string;
  tenant: string;
  email: string;
  eventKey: string;
  event: ActivityEvent;
  requested: number;
  receivedAt: Date;
}

/** A member's credit balance as the credit ledger leaves it, and the entry it is from. */
export interface CreditBalanceDocument {
  _id: string;
  tenant: string;
  member: string;
  balance: number;
  /** The credit ledger position of the balance; a hint for finding the newest entry. */
  seq?: number;
}

export type CreditEntryDocument = CreditEntry & { _id: string };

export type ConversationDocument = StoredConversation & { _id: string };

/** A stored leaderboard, or the list of a tenant's company leaderboards. */
export interface LeaderboardDocument {
  _id: string;
  tenant: string;
  board?: Board;
  companies?: Company[];
}

/** A Slack installation of the OAuth distribution, sealed: it holds the bot token. */
export interface SlackInstallationDocument {
  _id: string;
  sealed: string;
  installedAt: Date;
}

/**
 * A Slack-native source setting of a tenant: one document per configured channel
 * (`<tenant>|channel|<id>`) and one per emoji role (`<tenant>|emoji|<role>`), so that two
 * admins changing different settings at once never overwrite each other.
 */
export type SlackSourceDocument =
  | {
      _id: string;
      tenant: string;
      kind: 'channel';
      channel: string;
      role: 'buzz' | 'qa';
      since: Date;
      configuredBy: string;
    }
  | {
      _id: string;
      tenant: string;
      kind: 'emoji';
      role: 'upvote' | 'downvote' | 'accepted';
      emoji: string;
      configuredBy: string;
      configuredAt: Date;
    };
export type DigestSubscriptionDocument = Omit<DigestSubscription, 'id'> & { _id: string };

/** One attempt at a day's digest (`…|<n>`), or the marker that it was posted (`…|posted`). */
export interface DigestPostDocument {
  _id: string;
  subscriptionId: string;
  /** The subscription's revision: its createdAt in milliseconds. */
  revision?: string;
  day: string;
  attempt?: number;
  owner?: string;
  claimedAt?: Date;
  retryAt?: Date;
  late?: boolean;
  sendingAt?: Date;
  unsureSince?: Date;
  postedAt?: Date;
  /** On the posted marker: how the day was settled. */
  how?: 'posted' | 'found' | 'not_reposted';
}

/** A member's personal info, apart from the member document that contact updates rewrite. */
export interface MemberProfileDocument {
  _id: string;
  tenant: string;
  member: string;
  info: PersonalInfo;
  updatedAt: Date;
}

export type ProjectDocument = Project & { _id: string };

/** One earned badge level; its `_id` (tenant, member, badge, level) makes it earned once. */
export type BadgeAwardDocument = BadgeAward & { _id: string };

/** A member's badge progress, derived from the ledger; activity keys use ':' for '.'. */
export interface BadgeProgressDocument {
  _id: string;
  tenant: string;
  member: string;
  seq: number;
  counts: Record<string, number>;
  streak: { lastDay: string | null; current: number; best: number };
  earned: Record<string, number>;
  other?: { connections: number; challenges: number };
}

/** The badges a member features in the profile header. */
export interface FeaturedBadgesDocument {
  _id: string;
  tenant: string;
  member: string;
  badges: string[];
}

export type ChallengeDocument = Challenge & { _id: string };

/** A tenant's challenge settings. */
export interface ChallengeSettingsDocument {
  _id: string;
  tenant: string;
  /** Days completed challenges stay claimable after their end. */
  graceDays: number;
}

export type ShopItemDocument = ShopItem & { _id: string };

/** One piece of an item's stock, held by the order that took it. */
export interface StockSlotDocument {
  _id: string;
  tenant: string;
  item: string;
  slot: number;
  orderId: string;
}

export type ShopOrderDocument = ShopOrder & { _id: string };

/** Where a tenant's orders are posted. */
export interface ShopSettingsDocument {
  _id: string;
  tenant: string;
  orderChannel: string;
}

/** A chart image, served at `/charts/<_id>.png` until it expires; `_id` is a random token. */
export interface ChartImageDocument {
  _id: string;
  tenant: string;
  png: Binary;
  createdAt: Date;
  expiresAt: Date;
}

/** Typed access to every collection of the product. */
export interface Collections extends ConnectionCollections {
  tenants: Collection<TenantDocument>;
  members: Collection<MemberDocument>;
  memberEmails: Collection<MemberEmailDocument>;
  ledger: Collection<LedgerDocument>;
  ledgerEvents: Collection<LedgerEventDocument>;
  memberScores: Collection<MemberScoreDocument>;
  dailyPoints: Collection<DailyPointsDocument>;
  claims: Collection<ClaimDocument>;
  pendingEvents: Collection<PendingEventDocument>;
  creditBalances: Collection<CreditBalanceDocument>;
  conversations: Collection<ConversationDocument>;
  leaderboards: Collection<LeaderboardDocument>;
  slackInstallations: Collection<SlackInstallationDocument>;
  slackSources: Collection<SlackSourceDocument>;
  digestSubscriptions: Collection<DigestSubscriptionDocument>;
  digestPosts: Collection<DigestPostDocument>;
  badgeAwards: Collection<BadgeAwardDocument>;
  memberProfiles: Collection<MemberProfileDocument>;
  projects: Collection<ProjectDocument>;
  badgeProgress: Collection<BadgeProgressDocument>;
  featuredBadges: Collection<FeaturedBadgesDocument>;
  creditLedger: Collection<CreditEntryDocument>;
  challenges: Collection<ChallengeDocument>;
  challengeSettings: Collection<ChallengeSettingsDocument>;
  shopItems: Collection<ShopItemDocument>;
  stockSlots: Collection<StockSlotDocument>;
  shopOrders: Collection<ShopOrderDocument>;
  shopSettings: Collection<ShopSettingsDocument>;
  chartImages: Collection<ChartImageDocument>;
}

export function toCollections(db: Db): Collections {
  const collection = <T extends Document>(name: string) => withBusyRetry(db.collection<T>(name));
  return {
    tenants: collection('tenants'),
    members: collection('members'),
    memberEmails: collection('member_emails'),
    ledger: collection('ledger'),
    ledgerEvents: collection('ledger_events'),
    memberScores: collection('member_scores'),
    dailyPoints: collection('daily_points'),
    claims: collection('claims'),
    pendingEvents: collection('pending_events'),
    creditBalances: collection('credit_balances'),
    ...toConnectionCollections(collection),
    conversations: collection('conversations'),
    leaderboards: collection('leaderboards'),
    slackInstallations: collection('slack_installations'),
    slackSources: collection('slack_sources'),
    digestSubscriptions: collection('digest_subscriptions'),
    digestPosts: collection('digest_posts'),
    badgeAwards: collection('badge_awards'),
    memberProfiles: collection('member_profiles'),
    projects: collection('portfolio_projects'),
    badgeProgress: collection('badge_progress'),
    featuredBadges: collection('featured_badges'),
    creditLedger: collection('credit_ledger'),
    challenges: collection('challenges'),
    challengeSettings: collection('challenge_settings'),
    shopItems: collection('shop_items'),
    stockSlots: collection('stock_slots'),
    shopOrders: collection('shop_orders'),
    shopSettings: collection('shop_settings'),
    chartImages: collection('chart_images'),
  };
}

/** Creates every index; creating an index that exists is a no-op, so start-up may repeat it. */
export async function ensureIndexes(collections: Collections): Promise<void> {
  await Promise.all([
    collections.ledger.createIndex({ tenant: 1, eventKey: 1 }, { unique: true }),
    collections.ledger.createIndex({ tenant: 1, member: 1, seq: -1 }),
    collections.members.createIndex({ tenant: 1 }),
    collections.memberScores.createIndex({ tenant: 1, total: -1 }),
    collections.dailyPoints.createIndex({ tenant: 1, day: 1 }),
    collections.pendingEvents.createIndex({ tenant: 1, email: 1, receivedAt: 1 }),
    collections.conversations.createIndex({ tenant: 1, teamId: 1 }),
    collections.slackSources.createIndex({ tenant: 1, kind: 1 }),
    collections.digestSubscriptions.createIndex({ tenant: 1 }),
    collections.badgeAwards.createIndex({ tenant: 1, earnedAt: 1 }),
    collections.conversations.createIndex({ tenant: 1, member: 1 }),
    collections.members.createIndex({ tenant: 1, 'company.key': 1 }),
    ensureConnectionIndexes(collections),
    collections.projects.createIndex({ tenant: 1, member: 1 }),
    collections.creditLedger.createIndex({ tenant: 1, key: 1 }, { unique: true }),
    collections.challenges.createIndex({ tenant: 1, end: 1 }),
    collections.stockSlots.createIndex({ tenant: 1, item: 1 }),
    collections.shopOrders.createIndex({ tenant: 1, orderedAt: 1 }),
    collections.badgeAwards.createIndex({ tenant: 1, member: 1, earnedAt: -1 }),
    ensureExpiryIndex(collections.chartImages),
  ]);
}

/**
 * Lets MongoDB delete chart images once they expire. Where the database refuses TTL indexes,
 * a plain index is made instead; reads refuse expired images on any database.
 */
async function ensureExpiryIndex(chartImages: Collection<ChartImageDocument>): Promise<void> {
  try {
    await chartImages.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  } catch {
    await chartImages.createIndex({ expiresAt: 1 });
  }
}

/**
 * The `_id` of a document keyed by tenant and further parts, joined by `|`. Only the last part
 * may hold a `|`: anywhere else two different keys could give the same `_id`.
 */
export function toDocumentId(tenant: string, ...parts: (string | number)[]): string {
  const all = [tenant, ...parts.map(String)];
  if (all.slice(0, -1).some((part) => part.includes('|'))) {
    throw new Error(`a document key part holds "|": ${all.join(', ')}`);
  }
  return all.join('|');
}

/** Whether a write failed because a unique key already exists. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}
