/** Adaptive Cards for connections, invitation cards, the referral link and e-mail invitations. */
import type {
  ConnectionsView,
  EmailInvitationView,
  InvitationView,
  PersonRef,
  ReferralView,
} from '../../core/connections/connection-view.js';
import type { CommandAction } from '../../core/profile/profile-view.js';
import { toInvitationPointsText, toReferralStatsText } from '../../present/connection-text.js';
import { formatNumber } from '../../present/text.js';
import {
  heading,
  subheading,
  toCard,
  toCardText,
  type CardAction,
  type CardElement,
  type TeamsMessage,
} from './present-teams.js';

/** Names listed at most in one card section. */
const MAX_LISTED = 20;

const MEMBER_COMMAND = /^(\w+) <@([^>]+)>$/;

export function presentConnectionCard(
  view: ConnectionsView | InvitationView | ReferralView | EmailInvitationView,
): TeamsMessage {
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

function presentInvitation(view: InvitationView): TeamsMessage {
  const inviter = `**${toCardText(view.inviter.displayName)}**${companyOf(view.inviter)}`;
  const profile = toMemberAction(view.showProfile, 'Action.Submit');
  if (view.state === 'pending') {
    const invitee = toCardText(view.invitee.displayName);
    const card = toCard([text(`${inviter} invites ${invitee} to connect.`)], []);
    card.actions = [
      { ...toMemberAction(view.accept, 'Action.Execute'), style: 'positive' },
      toMemberAction(view.ignore, 'Action.Execute'),
      profile,
    ];
    return { text: `${view.inviter.displayName} invites you to connect`, card };
  }
  const line =
    view.state === 'accepted'
      ? `You and ${inviter} are now connected.`
      : `You ignored the invitation from ${inviter}. They are not told.`;
  const card = toCard([text(line)], []);
  card.actions = [profile];
  return { text: line.replace(/\*\*/g, ''), card };
}

function presentConnections(view: ConnectionsView): TeamsMessage {
  const body: CardElement[] = [
    heading('Your connections'),
    subheading(`Connections (${formatNumber(view.connections.length)})`),
    text(list(view.connections)),
  ];
  if (view.incoming.length > 0) {
    body.push(subheading('Invitations to you'));
    for (const inviter of view.incoming.slice(0, 5)) {
      const mention = `<@${inviter.userId}>`;
      body.push(text(`${toCardText(inviter.displayName)}${companyOf(inviter)}`), {
        type: 'ActionSet',
        actions: [
          toMemberAction({ label: 'Accept', command: `accept ${mention}` }, 'Action.Execute'),
          toMemberAction({ label: 'Ignore', command: `ignore ${mention}` }, 'Action.Execute'),
        ],
      });
    }
  }
  if (view.outgoing.length > 0) {
    body.push(subheading('Invitations you sent'), text(list(view.outgoing)));
  }
  body.push(subheading('People you may know'));
  if (view.suggestions.length === 0) body.push(text('No suggestions yet.'));
  for (const suggestion of view.suggestions) {
    body.push({
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(`**${toCardText(suggestion.person.displayName)}**`),
            { ...text(toCardText(suggestion.reason)), isSubtle: true, spacing: 'None' },
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          items: [
            { type: 'ActionSet', actions: [toMemberAction(suggestion.invite, 'Action.Submit')] },
          ],
        },
      ],
    });
  }
  const summary = `${view.connections.length} connections, ${view.incoming.length} invitations`;
  return { text: summary, card: toCard(body, view.actions) };
}

function presentReferral(view: ReferralView): TeamsMessage {
  const body: CardElement[] = [
    subheading('Your referral link'),
    text(view.link),
    { ...text(toReferralStatsText(view.visits, view.signups)), isSubtle: true },
  ];
  return { text: `Your referral link: ${view.link}`, card: toCard(body, view.actions) };
}

function presentEmailInvitation(view: EmailInvitationView): TeamsMessage {
  const email = toCardText(view.email);
  const body: CardElement[] = view.sent
    ? [text(`Invitation sent to ${email}.`)]
    : [
        text(`No mail server is set up, so please send this to ${email} yourself:`),
        subheading(toCardText(view.subject)),
        { ...text(toCardText(view.text)), fontType: 'Monospace' },
      ];
  body.push({ ...text(toInvitationPointsText(view.pointsAwarded)), isSubtle: true });
  const summary = view.sent ? `Invitation sent to ${view.email}` : `Invitation to ${view.email}`;
  return { text: summary, card: toCard(body, view.actions) };
}

/** A button for a command about a member: the member travels as `subject`, as typed ids do. */
function toMemberAction(action: CommandAction, type: CardAction['type']): CardAction {
  const [, command, subject] = MEMBER_COMMAND.exec(action.command) ?? [, action.command];
  const data = subject ? { command: command!, subject } : { command: command! };
  return type === 'Action.Execute'
    ? { type, title: action.label, verb: command!, data }
    : { type, title: action.label, data };
}

function text(content: string): CardElement {
  return { type: 'TextBlock', text: content, wrap: true };
}

function list(people: PersonRef[]): string {
  if (people.length === 0) return 'None yet.';
  const lines = people
    .slice(0, MAX_LISTED)
    .map((person) => `- ${toCardText(person.displayName)}${companyOf(person)}`);
  if (people.length > MAX_LISTED) lines.push(`- …and ${people.length - MAX_LISTED} more`);
  return lines.join('\n');
}

function companyOf(person: PersonRef): string {
  return person.company ? ` · ${toCardText(person.company)}` : '';
}
