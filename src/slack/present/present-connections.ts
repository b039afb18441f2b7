/** Block Kit for connections, invitation cards, the referral link and e-mail invitations. */
import type { types } from '@slack/bolt';
import type {
  ConnectionsView,
  EmailInvitationView,
  InvitationView,
  PersonRef,
  ReferralView,
} from '../../core/connections/connection-view.js';
import { toInvitationPointsText, toReferralStatsText } from '../../present/connection-text.js';
import { formatNumber } from '../../present/text.js';
import { buttons, COMMAND_BUTTON_PREFIX, context, escapeText, header, section } from './blocks.js';
import type { SlackMessage } from './present-slack.js';

type KnownBlock = types.KnownBlock;

/** Action ids of the Accept and Ignore buttons; their value is the command they run. */
export const ACCEPT_INVITATION_ACTION = 'invitation_accept';
export const IGNORE_INVITATION_ACTION = 'invitation_ignore';

/** Suggestion buttons run commands; their indices stay clear of a view's own buttons. */
const SUGGESTION_BUTTON_OFFSET = 100;

/** Names listed at most in one section, to stay inside Slack's limits on blocks and text. */
const MAX_LISTED = 20;

export function presentConnectionView(
  view: ConnectionsView | InvitationView | ReferralView | EmailInvitationView,
): SlackMessage {
  switch (view.kind) {
    case 'connections':
      return presentConnections(view);
    case 'invitation':
      return presentInvitation(view);
    case 'referral':
      return presentReferral(view);
    case 'email_invitation':
      return presentEmailInvitation(view);
  }
}

function presentInvitation(view: InvitationView): SlackMessage {
  const inviter = `*${escapeText(view.inviter.displayName)}*${companyOf(view.inviter)}`;
  const profile = {
    type: 'button' as const,
    action_id: `${COMMAND_BUTTON_PREFIX}0`,
    text: { type: 'plain_text' as const, text: view.showProfile.label },
    value: view.showProfile.command,
  };
  if (view.state === 'pending') {
    const text = `${inviter} invites <@${view.invitee.userId}> to connect.`;
    return {
      text: `${view.inviter.displayName} invites you to connect`,
      blocks: [
        section(text),
        {
          type: 'actions',
          elements: [
            answerButton(ACCEPT_INVITATION_ACTION, view.accept, 'primary'),
            answerButton(IGNORE_INVITATION_ACTION, view.ignore),
            profile,
          ],
        },
      ],
    };
  }
  const text =
    view.state === 'accepted'
      ? `You and ${inviter} are now connected.`
      : `You ignored the invitation from ${inviter}. They are not told.`;
  return { text, blocks: [section(text), { type: 'actions', elements: [profile] }] };
}

function answerButton(
  actionId: string,
  action: { label: string; command: string },
  style?: 'primary',
) {
  return {
    type: 'button' as const,
    action_id: actionId,
    text: { type: 'plain_text' as const, text: action.label },
    value: action.command,
    ...(style ? { style } : {}),
  };
}

function presentConnections(view: ConnectionsView): SlackMessage {
  const blocks: KnownBlock[] = [
    header('Your connections'),
    section(`*Connections (${formatNumber(view.connections.length)})*\n${list(view.connections)}`),
  ];
  if (view.incoming.length > 0) {
    blocks.push(section('*Invitations to you*'));
    for (const inviter of view.incoming.slice(0, 5)) {
      const mention = `<@${inviter.userId}>`;
      blocks.push(section(`${escapeText(inviter.displayName)}${companyOf(inviter)}`), {
        type: 'actions',
        elements: [
          answerButton(
            ACCEPT_INVITATION_ACTION,
            { label: 'Accept', command: `accept ${mention}` },
            'primary',
          ),
          answerButton(IGNORE_INVITATION_ACTION, { label: 'Ignore', command: `ignore ${mention}` }),
        ],
      });
    }
  }
  if (view.outgoing.length > 0) {
    blocks.push(section(`*Invitations you sent*\n${list(view.outgoing)}`));
  }
  blocks.push(section('*People you may know*'));
  if (view.suggestions.length === 0) blocks.push(context('No suggestions yet.'));
  view.suggestions.forEach((suggestion, index) => {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeText(suggestion.person.displayName)}*\n${escapeText(suggestion.reason)}`,
      },
      accessory: {
        type: 'button',
        action_id: `${COMMAND_BUTTON_PREFIX}${SUGGESTION_BUTTON_OFFSET + index}`,
        text: { type: 'plain_text', text: suggestion.invite.label },
        value: suggestion.invite.command,
      },
    });
  });
  blocks.push(...buttons(view.actions));
  const summary = `${view.connections.length} connections, ${view.incoming.length} invitations`;
  return { text: summary, blocks };
}

function presentReferral(view: ReferralView): SlackMessage {
  const blocks: KnownBlock[] = [
    section(`*Your referral link*\n${view.link}`),
    context(toReferralStatsText(view.visits, view.signups)),
    ...buttons(view.actions),
  ];
  return { text: `Your referral link: ${view.link}`, blocks };
}

function presentEmailInvitation(view: EmailInvitationView): SlackMessage {
  const email = escapeText(view.email);
  const blocks: KnownBlock[] = view.sent
    ? [section(`Invitation sent to ${email}.`)]
    : [
        section(`No mail server is set up, so please send this to ${email} yourself:`),
        section(`*${escapeText(view.subject)}*\n\`\`\`${escapeText(view.text)}\`\`\``),
      ];
  blocks.push(context(toInvitationPointsText(view.pointsAwarded)), ...buttons(view.actions));
  const text = view.sent ? `Invitation sent to ${view.email}` : `Invitation to ${view.email}`;
  return { text, blocks };
}

function list(people: PersonRef[]): string {
  if (people.length === 0) return 'None yet.';
  const lines = people
    .slice(0, MAX_LISTED)
    .map((person) => `• ${escapeText(person.displayName)}${companyOf(person)}`);
  if (people.length > MAX_LISTED) lines.push(`…and ${people.length - MAX_LISTED} more`);
  return lines.join('\n');
}

function companyOf(person: PersonRef): string {
  return person.company ? ` · ${escapeText(person.company)}` : '';
}
