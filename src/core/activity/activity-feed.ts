/**
 * The activity feed (SPEC §11): a member's last 20 public events, newest first: points from
 * public ledger entries and the badges they earned. Private profiles show others nothing.
 */
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime.js';
import type { ActivityCatalog } from '../catalog/activity-catalog.js';
import type { MemberRepository } from '../members/ports.js';
import type { View } from '../profile/profile-view.js';
import type { ProfileSettingsRepository } from '../profile/settings-ports.js';
import type { LedgerEntry } from '../scoring/ledger-entry.js';
import type { LedgerRepository } from '../scoring/ports.js';
import type { Clock } from '../shared/clock.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import type { ActivityItem } from './activity-view.js';
import type { BadgeAward, BadgeAwardReader } from './ports.js';

dayjs.extend(relativeTime);

/** Events the feed shows. */
export const FEED_LENGTH = 20;

export interface ActivityFeedOptions {
  ledger: Pick<LedgerRepository, 'listNewest'>;
  badges: BadgeAwardReader;
  members: Pick<MemberRepository, 'findByUserId'>;
  settings: Pick<ProfileSettingsRepository, 'isPrivate'>;
  tenants: TenantDirectory;
  isAdmin(tenant: string, userId: string): Promise<boolean>;
  clock: Clock;
}

/** The feed of a member, as the viewer may see it. */
export type ShowActivity = (
  viewer: { tenant: string; userId: string },
  owner: string,
) => Promise<View>;

export function createActivityFeed(options: ActivityFeedOptions): ShowActivity {
  const { ledger, badges, members, settings, tenants, clock } = options;

  return async (viewer, ownerId) => {
    const member = await members.findByUserId(viewer.tenant, ownerId);
    if (!member) return { kind: 'no_profile', userId: ownerId };
    const displayName = member.displayName ?? ownerId;
    const isViewer = ownerId === viewer.userId;
    if (!isViewer && (await settings.isPrivate(viewer.tenant, ownerId))) {
      if (!(await options.isAdmin(viewer.tenant, viewer.userId))) {
        return { kind: 'private_profile', userId: ownerId, displayName };
      }
    }

    const [entries, awards, { catalog }] = await Promise.all([
      ledger.listNewest(viewer.tenant, ownerId, { limit: FEED_LENGTH, publicOnly: true }),
      badges.listRecent(viewer.tenant, ownerId, FEED_LENGTH),
      tenants.get(viewer.tenant),
    ]);
    const now = clock.now();
    const dated = [
      ...entries.map((entry) => ({ at: entry.occurredAt, item: fromEntry(entry, catalog) })),
      ...awards.map((award) => ({ at: award.earnedAt, item: fromBadge(award) })),
    ];
    const items = dated
      .sort((a, b) => b.at.getTime() - a.at.getTime())
      .slice(0, FEED_LENGTH)
      .map(({ at, item }) => ({ ...item, when: toRelativeTime(at, now) }));

    const actions = isViewer ? [{ label: 'My profile', command: 'profile' }] : [];
    return { kind: 'activity', owner: { userId: ownerId, displayName, isViewer }, items, actions };
  };
}

/** "3 hours ago"; never in the future, whatever the sender's clock said. */
export function toRelativeTime(at: Date, now: Date): string {
  return dayjs(at.getTime() > now.getTime() ? now : at).from(now);
}

function fromEntry(entry: LedgerEntry, catalog: ActivityCatalog): Omit<ActivityItem, 'when'> {
  const label = entry.activity ? (catalog.get(entry.activity)?.label ?? entry.activity) : 'Points';
  const description = entry.kind === 'reversal' ? `Taken back: ${label}` : label;
  return { kind: 'points', description, points: entry.applied };
}

function fromBadge(award: BadgeAward): Omit<ActivityItem, 'when'> {
  const level = ` (level ${award.level})`;
  return { kind: 'badge', description: `Badge earned: ${award.badgeName}${level}`, points: null };
}
