/** Text of connection views both renderers use, so that both platforms say the same. */
import { formatNumber } from './text.js';

/** What an e-mail invitation earned. */
export function toInvitationPointsText(points: number): string {
  return points > 0
    ? `+${formatNumber(points)} points for inviting`
    : 'No points for this one: today’s limit for invitations is reached.';
}

/** Visits and sign-ups of a referral link. */
export function toReferralStatsText(visits: number, signups: number): string {
  return `Opened ${formatNumber(visits)} times · ${formatNumber(signups)} joined through it`;
}
