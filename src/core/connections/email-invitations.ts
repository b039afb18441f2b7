/** `invite <e-mail>`: invites someone to the community with the member's referral link. */
import { toEmailKey } from '../members/member.js';
import type { MemberRepository } from '../members/ports.js';
import type { Viewer } from '../profile/answer-command.js';
import type { View } from '../profile/profile-view.js';
import { SYSTEM_SOURCE } from '../scoring/ledger-entry.js';
import type { Scoring } from '../scoring/record-activity.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { SHOW_CONNECTIONS } from './invitations.js';
import type { EmailInvitationRepository, Mailer } from './ports.js';
import type { Referrals } from './referrals.js';

const FRIEND_INVITED = 'impact.friend_invited';

/** An address is invited at most once in this many days, by anyone. */
export const EMAIL_INVITATION_PERIOD_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface EmailInvitationsOptions {
  repository: EmailInvitationRepository;
  members: MemberRepository;
  referrals: Pick<Referrals, 'linkOf'>;
  scoring: Pick<Scoring, 'recordActivity'>;
  /** Null when no mail server is configured: the member gets the text to send themself. */
  mailer: Mailer | null;
  clock: Clock;
  logger: Logger;
}

export function createEmailInvitations(options: EmailInvitationsOptions) {
  const { repository, members, referrals, scoring, mailer, clock } = options;
  const logger = options.logger.child({ module: 'email-invitations' });

  return async function inviteByEmail(viewer: Viewer, address: string): Promise<View> {
    const { tenant, userId } = viewer;
    const email = toEmailKey(address);
    const inviter = await members.findByUserId(tenant, userId);
    if (inviter?.email === email) return notice('That is your own address.');
    if (await members.findByEmail(tenant, email)) {
      return notice(`${email} is a member already: invite them to connect with connect @member.`);
    }

    const now = clock.now();
    const notBefore = new Date(now.getTime() - EMAIL_INVITATION_PERIOD_DAYS * DAY_MS);
    const generation = await repository.add(tenant, email, userId, now, notBefore);
    if (generation === null) {
      return notice(
        `${email} was invited less than ${EMAIL_INVITATION_PERIOD_DAYS} days ago; ` +
          'an address gets one invitation in that time.',
      );
    }

    const link = await referrals.linkOf(tenant, userId);
    const subject = `${inviter?.displayName ?? 'A member'} invites you to the community`;
    const text = toInvitationText(inviter?.displayName ?? 'A member', link);
    const sent = await send({ to: email, subject, text }, tenant, userId);
    const result = await scoring.recordActivity({
      tenant,
      source: SYSTEM_SOURCE,
      eventId: `friend-invited/${email}/${generation}`,
      activity: FRIEND_INVITED,
      member: { kind: 'user', userId },
      actor: null,
      occurredAt: now,
      reverses: null,
      public: false,
      meta: null,
    });
    logger.info({ tenant, member: userId, sent }, 'e-mail invitation recorded');
    return {
      kind: 'email_invitation',
      email,
      sent,
      subject,
      text,
      pointsAwarded: result.applied,
      actions: [SHOW_CONNECTIONS],
    };
  };

  async function send(
    message: { to: string; subject: string; text: string },
    tenant: string,
    member: string,
  ) {
    if (!mailer) return false;
    try {
      await mailer.send(message);
      return true;
    } catch (error) {
      // The invitation stands; the member gets the text to send it themself.
      logger.warn({ tenant, member, err: error }, 'invitation e-mail not sent');
      return false;
    }
  }
}

function toInvitationText(inviterName: string, link: string): string {
  return [
    `Hi,`,
    '',
    `${inviterName} invites you to join our developer community: ask and answer questions,`,
    'share what you build, and meet the people who build with you.',
    '',
    `Join here: ${link}`,
  ].join('\n');
}

function notice(message: string): View {
  return { kind: 'notice', message, actions: [SHOW_CONNECTIONS] };
}
