/** The digest commands: an admin subscribes a channel, unsubscribes it, or lists the tenant's. */
import type { AdminPolicy } from '../admins/admin-policy.js';
import type { LeaderboardScope, ScopeRequest } from '../leaderboards/scope.js';
import { toScopeLabel } from '../leaderboards/scope.js';
import type { CommandAction, View } from '../profile/profile-view.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import type { DigestCommand } from './digest-command.js';
import { firstDigestDay, latestOccurrence } from './digest-schedule.js';
import {
  toRevision,
  type DigestPostRepository,
  type DigestSubscription,
  type DigestSubscriptionRepository,
} from './digest-subscription.js';

/** When a digest is posted unless the subscription names a time. */
export const DEFAULT_DIGEST_TIME = '09:00';

const NOT_ADMIN = 'Only admins can see and change digests. Ask a community manager.';
const NO_CHANNEL = 'Digests go to a channel: run this command in the channel that should get it.';
const NO_DIRECT_SUBSCRIBE = 'Run “digest subscribe” in the channel that should get the digest.';
const LIST_ACTION: CommandAction = { label: 'Digests', command: 'digest list' };

export interface ManageDigestsOptions {
  subscriptions: DigestSubscriptionRepository;
  /** The attempts of the replaced subscription: one may be posting at this moment. */
  posts: Pick<DigestPostRepository, 'latestAttempt'>;
  admins: Pick<AdminPolicy, 'isAdmin'>;
  tenants: Pick<TenantDirectory, 'get'>;
  /** Turns a typed scope into a stored one, e.g. a company name into the company. */
  resolveScope(
    tenant: string,
    userId: string,
    request: ScopeRequest,
  ): Promise<LeaderboardScope | { problem: string }>;
  clock: Clock;
  logger: Logger;
}

/** Who runs a digest command, and in which channel (null in a direct chat). */
export interface DigestRequester {
  tenant: string;
  userId: string;
  channelId: string | null;
}

export type ManageDigests = (requester: DigestRequester, command: DigestCommand) => Promise<View>;

export function createManageDigests(options: ManageDigestsOptions): ManageDigests {
  const { subscriptions, admins, tenants, clock } = options;
  const logger = options.logger.child({ module: 'digests' });

  /**
   * The replaced subscription, with a digest it has begun to post today counted as posted
   * then: it may go out any moment. (Should that post fail, the new schedule's first day is
   * still the next one.)
   */
  async function withPostInFlight(earlier: DigestSubscription | null, now: Date) {
    if (!earlier?.active) return earlier;
    const { day } = latestOccurrence(now, earlier.time, earlier.timeZone);
    if (earlier.lastDay !== undefined && earlier.lastDay >= day) return earlier;

    const revision = toRevision(earlier);
    const attempt = await options.posts.latestAttempt({
      subscriptionId: earlier.id,
      revision,
      day,
    });
    if (!attempt) return earlier;
    const since = earlier.lastPostedAt?.getTime() ?? 0;
    if (attempt.claimedAt.getTime() <= since) return earlier;
    return { ...earlier, lastPostedAt: attempt.claimedAt };
  }

  async function subscribe(
    requester: DigestRequester & { channelId: string },
    command: Extract<DigestCommand, { action: 'subscribe' }>,
  ): Promise<View> {
    const { tenant, userId, channelId } = requester;
    const scope = await options.resolveScope(tenant, userId, command.scope);
    if ('problem' in scope) return notice(scope.problem);

    const timeZone = command.timeZone ?? (await tenants.get(tenant)).timeZone;
    const time = command.time ?? DEFAULT_DIGEST_TIME;
    const now = clock.now();
    // The channel's last digest counts for the new schedule too: no day gets two.
    const earlier = await withPostInFlight(await subscriptions.find(tenant, channelId), now);
    const subscription: DigestSubscription = {
      id: `${tenant}|${channelId}`,
      tenant,
      channelId,
      scope,
      time,
      timeZone,
      createdBy: userId,
      createdAt: now,
      firstDay: firstDigestDay(now, time, timeZone, earlier?.lastPostedAt),
      active: true,
      ...carriedOver(earlier),
    };
    await subscriptions.save(subscription);
    logger.info(
      { tenant, member: userId, channelId, time: subscription.time },
      'digest subscribed',
    );

    return notice(
      `This channel gets the ${toScopeLabel(scope)} digest every day at ${time} ` +
        `(${timeZone}), first on ${subscription.firstDay}.`,
    );
  }

  async function unsubscribe(requester: DigestRequester & { channelId: string }): Promise<View> {
    const removed = await subscriptions.remove(requester.tenant, requester.channelId);
    if (!removed) return notice('This channel has no digest.');
    logger.info({ tenant: requester.tenant, channelId: requester.channelId }, 'digest removed');
    return notice('This channel no longer gets the daily digest.');
  }

  async function list(tenant: string): Promise<View> {
    const all = await subscriptions.listByTenant(tenant);
    if (all.length === 0) return notice('No channel gets a digest yet.');
    const lines = all.map((subscription) => toListLine(subscription));
    return notice(`Digests:\n${lines.join('\n')}`);
  }

  return async (requester, command) => {
    if (!(await admins.isAdmin(requester.tenant, requester.userId))) return notice(NOT_ADMIN);
    if (command.action === 'list') return list(requester.tenant);

    const { channelId } = requester;
    if (channelId === null && command.action === 'subscribe') return notice(NO_DIRECT_SUBSCRIBE);
    if (channelId === null) return notice(NO_CHANNEL);
    if (command.action === 'unsubscribe') return unsubscribe({ ...requester, channelId });
    return subscribe({ ...requester, channelId }, command);
  };
}

/** What the next digest needs of the channel's last one: since when, and the ranks it showed. */
function carriedOver(
  earlier: DigestSubscription | null,
): Pick<DigestSubscription, 'lastPostedAt' | 'snapshot'> {
  if (!earlier?.lastPostedAt) return {};
  return {
    lastPostedAt: earlier.lastPostedAt,
    ...(earlier.snapshot ? { snapshot: earlier.snapshot } : {}),
  };
}

function toListLine(subscription: DigestSubscription): string {
  const where = subscription.channelId;
  const state = subscription.active ? '' : ` (off: ${subscription.disabledReason ?? 'disabled'})`;
  const scope = toScopeLabel(subscription.scope);
  return `• ${where}: ${scope} at ${subscription.time} ${subscription.timeZone}${state}`;
}

function notice(message: string): View {
  return { kind: 'notice', message, actions: [LIST_ACTION] };
}
