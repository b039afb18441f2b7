/**
 * Referral links: each member's personal link, the visits it gets, the members who join
 * through it, and the points that earns the referrer (SPEC §9). Awards go through the scoring,
 * so caps and the rule against self-directed activity hold.
 */
import { SYSTEM_SOURCE } from '../scoring/ledger-entry.js';
import type { ClaimRepository } from '../scoring/ports.js';
import type { AppliedAward, Scoring } from '../scoring/record-activity.js';
import type { MemberRepository } from '../members/ports.js';
import type { Viewer } from '../profile/answer-command.js';
import type { View } from '../profile/profile-view.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ReferralView } from './connection-view.js';
import { SHOW_CONNECTIONS } from './invitations.js';
import type { ReferralOwner, ReferralRepository } from './ports.js';

const REFERRAL_SIGNUP = 'impact.referral_signup';
const FRIEND_REFERRED = 'impact.friend_referred';

/** How long after their first contact a member counts as new, and may name a referral link. */
const JOIN_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface ReferralsOptions {
  repository: ReferralRepository;
  members: MemberRepository;
  claims: ClaimRepository;
  scoring: Pick<Scoring, 'recordActivity'>;
  clock: Clock;
  logger: Logger;
  /** PUBLIC_BASE_URL without a trailing slash. */
  publicBaseUrl: string;
}

export interface Referrals {
  /** The member's link, `<base>/r/<code>`. */
  linkOf(tenant: string, member: string): Promise<string>;
  /** `referral`: the viewer's link and what it brought. */
  show(viewer: Viewer): Promise<ReferralView>;
  /** Someone opened a link: recorded when the code is known; returns its owner. */
  visit(code: string): Promise<ReferralOwner | null>;
  /** `joined <code>`: a new member names the link they came through. */
  join(viewer: Viewer, code: string): Promise<View>;
  /** Called after every applied award: a referred member's first own points reward the referrer. */
  onPointsApplied(award: AppliedAward): Promise<void>;
}

export function createReferrals(options: ReferralsOptions): Referrals {
  const { repository, members, claims, scoring, clock, publicBaseUrl } = options;
  const logger = options.logger.child({ module: 'referrals' });

  async function linkOf(tenant: string, member: string): Promise<string> {
    return `${publicBaseUrl}/r/${await repository.codeOf(tenant, member)}`;
  }

  async function join(viewer: Viewer, code: string): Promise<View> {
    const { tenant, userId } = viewer;
    const owner = await repository.findOwner(code);
    if (!owner || owner.tenant !== tenant) return notice('That referral code is not known here.');
    if (owner.member === userId) {
      return notice('That is your own referral link: it counts when others join through it.');
    }
    const member = await members.findByUserId(tenant, userId);
    const now = clock.now();
    if (!member || now.getTime() - member.createdAt.getTime() > JOIN_WINDOW_MS) {
      return notice('Referral links count for new members, in their first week only.');
    }
    if ((await repository.attribute(owner, userId, now)) === 'exists') {
      return notice('You already named the link you joined through.');
    }

    await scoring.recordActivity({
      tenant,
      source: SYSTEM_SOURCE,
      eventId: `referral-signup/${userId}`,
      activity: REFERRAL_SIGNUP,
      member: { kind: 'user', userId: owner.member },
      actor: { kind: 'user', userId },
      occurredAt: now,
      reverses: null,
      public: true,
      meta: { referred: userId },
    });
    logger.info({ tenant, member: userId, referrer: owner.member }, 'referral sign-up');
    return notice('Welcome! The member who invited you has been thanked.');
  }

  async function onPointsApplied(award: AppliedAward): Promise<void> {
    // Points the product gives by itself (sign-up bonuses) do not make a member active.
    if (award.applied <= 0 || award.source === SYSTEM_SOURCE) return;
    const { tenant, member } = award;
    const referrer = await repository.referrerOf(tenant, member);
    if (referrer === null) return;

    const claimKey = `friend-referred|${tenant}|${member}`;
    if ((await claims.holderOf(claimKey)) !== null) return;
    if ((await claims.claim(claimKey, award.eventKey)) !== award.eventKey) return;
    await scoring.recordActivity({
      tenant,
      source: SYSTEM_SOURCE,
      eventId: `friend-referred/${member}`,
      activity: FRIEND_REFERRED,
      member: { kind: 'user', userId: referrer },
      actor: { kind: 'user', userId: member },
      occurredAt: clock.now(),
      reverses: null,
      public: true,
      meta: { referred: member },
    });
    logger.info({ tenant, member, referrer }, 'referred member became active');
  }

  return {
    linkOf,
    join,
    onPointsApplied,

    async show(viewer) {
      const { tenant, userId } = viewer;
      const [link, visits, signups] = await Promise.all([
        linkOf(tenant, userId),
        repository.countVisits(tenant, userId),
        repository.countSignups(tenant, userId),
      ]);
      return { kind: 'referral', link, visits, signups, actions: [SHOW_CONNECTIONS] };
    },

    async visit(code) {
      const owner = await repository.findOwner(code);
      if (owner) await repository.recordVisit(owner, clock.now());
      return owner;
    },
  };
}

function notice(message: string): View {
  return { kind: 'notice', message, actions: [SHOW_CONNECTIONS] };
}
