/** Builds the badges view: earned badges a page at a time, in progress, and next badges. */
import type { MemberRepository } from '../members/ports.js';
import type { CommandAction, View } from '../profile/profile-view.js';
import type { BadgeDefinition } from './badge-catalog.js';
import type { BadgeLine, BadgesView } from './badge-view.js';
import type { Badges } from './badges.js';

/** Earned badges on one page; keeps a Slack message far below its 50 blocks. */
export const EARNED_PAGE_SIZE = 15;
const MAX_IN_PROGRESS = 10;
const MAX_NEXT = 3;

/** What the badges command asks for. */
export interface BadgesRequest {
  tenant: string;
  viewer: string;
  subject: string;
  page: number;
  message?: string | null;
}

export function createShowBadges(badges: Badges, members: Pick<MemberRepository, 'findByUserId'>) {
  return async function showBadges(request: BadgesRequest): Promise<View> {
    const { tenant, subject } = request;
    const member = await members.findByUserId(tenant, subject);
    if (!member) return { kind: 'no_profile', userId: subject };

    const isViewer = subject === request.viewer;
    const standing = await badges.refreshBadges(tenant, subject);
    const featuredKeys = await featuredKeysOf(badges, tenant, subject);
    const lines = badges.catalog.badges.map((badge) =>
      toLine(badge, standing.values.get(badge.key) ?? 0, standing.earned[badge.key] ?? 0, {
        featured: featuredKeys.includes(badge.key),
        isViewer,
      }),
    );

    const earned = lines.filter((line) => line.level > 0);
    const pageCount = Math.max(1, Math.ceil(earned.length / EARNED_PAGE_SIZE));
    const page = Math.min(Math.max(1, request.page), pageCount);
    const open = lines.filter((line) => line.fraction !== null);
    const view: BadgesView = {
      kind: 'badges',
      subject: { userId: subject, displayName: member.displayName ?? subject, isViewer },
      message: request.message ?? null,
      featured: badges.toFeatured(featuredKeys, standing.earned),
      earned: earned.slice((page - 1) * EARNED_PAGE_SIZE, page * EARNED_PAGE_SIZE),
      earnedTotal: earned.length,
      page,
      pageCount,
      inProgress: open
        .filter((line) => line.value > 0)
        .sort((a, b) => b.fraction! - a.fraction!)
        .slice(0, MAX_IN_PROGRESS),
      next: open.filter((line) => line.value === 0 && line.level === 0).slice(0, MAX_NEXT),
      actions: pagingActions(subject, isViewer, page, pageCount),
    };
    return view;
  };
}

async function featuredKeysOf(badges: Badges, tenant: string, member: string) {
  return (await badges.featuredOf(tenant, member)).map((badge) => badge.key);
}

function toLine(
  badge: BadgeDefinition,
  value: number,
  level: number,
  context: { featured: boolean; isViewer: boolean },
): BadgeLine {
  const next = badge.levels[level];
  return {
    key: badge.key,
    name: badge.name,
    description: badge.description,
    level,
    levelCount: badge.levels.length,
    rarity: level > 0 ? badge.levels[level - 1]!.rarity : null,
    value,
    nextThreshold: next?.threshold ?? null,
    fraction: next ? Math.min(1, value / next.threshold) : null,
    featured: context.featured,
    action: context.isViewer && level > 0 ? featureAction(badge.key, context.featured) : null,
  };
}

function featureAction(key: string, featured: boolean): CommandAction {
  return featured
    ? { label: 'Remove from featured', command: `badges unfeature ${key}` }
    : { label: 'Select as featured', command: `badges feature ${key}` };
}

function pagingActions(
  subject: string,
  isViewer: boolean,
  page: number,
  pageCount: number,
): CommandAction[] {
  const who = isViewer ? '' : ` <@${subject}>`;
  const actions: CommandAction[] = [];
  if (page > 1) actions.push({ label: 'Previous page', command: `badges${who} page ${page - 1}` });
  if (page < pageCount) {
    actions.push({ label: 'More badges', command: `badges${who} page ${page + 1}` });
  }
  if (isViewer) actions.push({ label: 'My profile', command: 'profile' });
  return actions;
}
