/** A channel's daily digest subscription (SPEC §10) and what the digests need from storage. */
import type { BadgeAward as StoredBadgeAward } from '../badges/ports.js';
import type { LeaderboardScope } from '../leaderboards/scope.js';
import type { DigestBadge, DigestView } from './digest-view.js';

/** A member's place when a digest was posted, for the climbers of the next one. */
export interface RankSnapshotEntry {
  member: string;
  rank: number;
  points: number;
}

export interface DigestSubscription {
  /** Stable id: tenant and channel. */
  id: string;
  tenant: string;
  /** Slack channel id, or the Teams channel's conversation id. */
  channelId: string;
  scope: LeaderboardScope;
  /** Local time of day, HH:MM. */
  time: string;
  /** IANA time zone the time is in. */
  timeZone: string;
  /** The admin who subscribed, told when the subscription is turned off. */
  createdBy: string;
  /** When it was made; also its revision, so that a re-subscription's days start afresh. */
  createdAt: Date;
  /**
   * The first local day due. A re-subscription starts after the day the channel last got a
   * digest, so that a new time zone neither repeats that day nor posts it twice.
   */
  firstDay?: string;
  active: boolean;
  /** Why it was turned off, e.g. channel_not_found. */
  disabledReason?: string;
  /** The last day a digest was posted for, and the ranks and time of that digest. */
  lastDay?: string;
  lastPostedAt?: Date;
  snapshot?: RankSnapshotEntry[];
}

export interface DigestSubscriptionRepository {
  /** Stores the subscription, replacing the channel's earlier one. */
  save(subscription: DigestSubscription): Promise<void>;
  find(tenant: string, channelId: string): Promise<DigestSubscription | null>;
  /** Removes the channel's subscription; false when it had none. */
  remove(tenant: string, channelId: string): Promise<boolean>;
  listByTenant(tenant: string): Promise<DigestSubscription[]>;
  listActive(): Promise<DigestSubscription[]>;
  /** Remembers the day posted and the ranks it showed, unless the channel re-subscribed. */
  recordPosted(
    subscription: Pick<DigestSubscription, 'id' | 'createdAt'>,
    posted: { day: string; postedAt: Date; snapshot: RankSnapshotEntry[] },
  ): Promise<void>;
  disable(id: string, reason: string): Promise<void>;
}

/** One local day of one revision of a subscription: the unit posted at most once. */
export interface DigestDay {
  subscriptionId: string;
  /** The subscription's revision (see {@link toRevision}). */
  revision: string;
  day: string;
}

/** The revision of a subscription: the instant it was made, in milliseconds. */
export function toRevision(subscription: Pick<DigestSubscription, 'createdAt'>): string {
  return String(subscription.createdAt.getTime());
}

/** One try at posting one day's digest; the first insert of an attempt number owns it. */
export interface DigestAttempt extends DigestDay {
  attempt: number;
  owner: string;
  claimedAt: Date;
  /** When another instance may try again if this one has not posted by then. */
  retryAt: Date;
  late: boolean;
  /** When the owner began sending; kept after a send that may have gone out. */
  sendingAt?: Date;
  /** Since when an earlier attempt of the day may have posted: its send was never settled. */
  unsureSince?: Date;
}

export interface DigestPostRepository {
  /** Whether the day's digest was posted. */
  isPosted(day: DigestDay): Promise<boolean>;
  /** The highest attempt of the day, or null before the first. */
  latestAttempt(day: DigestDay): Promise<DigestAttempt | null>;
  /** Inserts the attempt; false when that attempt number was taken by someone else. */
  claim(attempt: DigestAttempt): Promise<boolean>;
  /** Records on the owner's attempt that its send begins: from now the post may go out. */
  markSending(attempt: DigestAttempt, sendingAt: Date): Promise<void>;
  /**
   * Moves the owner's attempt's retry time, e.g. to Slack's Retry-After. When the platform
   * refused the post (`sent: 'no'`), the attempt no longer counts as maybe posted.
   */
  defer(attempt: DigestAttempt, retryAt: Date, sent: 'no' | 'unknown'): Promise<void>;
  /** Records that the day's digest is out, and how that is known; later attempts stop here. */
  markPosted(day: DigestDay, postedAt: Date, how?: DigestSettlement): Promise<void>;
}

/**
 * How a day's digest was settled: posted by this attempt, found in the channel as an earlier
 * attempt's post, or left alone because an earlier attempt may have posted it and the channel
 * cannot say (posting again could show it twice).
 */
export type DigestSettlement = 'posted' | 'found' | 'not_reposted';

/** A badge award as the badges feature stores it. */
export type BadgeAward = Omit<StoredBadgeAward, 'tenant'>;

export interface BadgeAwardRepository {
  /** Awards of the tenant earned in [from, to), oldest first, at most `limit`. */
  listEarned(tenant: string, from: Date, to: Date, limit: number): Promise<BadgeAward[]>;
}

/**
 * How a post went: out, refused for now (the platform answered, so nothing went out) and to be
 * tried again later, or impossible because the channel is gone. A post whose fate is unknown
 * (a timeout, a dropped connection) is an error thrown instead.
 */
export type PostOutcome =
  | { kind: 'posted' }
  | { kind: 'retry'; afterSeconds: number; reason: string }
  | { kind: 'gone'; reason: string };

/** Whether a channel holds the digest an earlier attempt may have posted. */
export type EarlierPost = 'posted' | 'not_posted' | 'unknown';

/** The key a posted digest carries, so that a later attempt can find it in the channel. */
export function toDigestKey({ subscriptionId, revision, day }: DigestDay): string {
  return `${subscriptionId}|${revision}|${day}`;
}

/** Where digests go: the chat platform of the subscription's tenant. */
export interface DigestChannels {
  /** Posts the digest, tagged with its key where the platform keeps such a tag. */
  post(subscription: DigestSubscription, view: DigestView, key: string): Promise<PostOutcome>;
  /** Looks in the channel for the digest with this key posted since `since`. */
  findPosted(subscription: DigestSubscription, key: string, since: Date): Promise<EarlierPost>;
  /** Sends the member a direct message. */
  notify(tenant: string, userId: string, text: string): Promise<void>;
}
