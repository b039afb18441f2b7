/**
 * Invitations and connections: invite, accept, ignore. Every state change is one insert into a
 * unique key (the invitation per direction, the answer per invitation, the connection per
 * pair), so that retried clicks and invitations crossing each other act once.
 */
import type { Viewer } from '../profile/answer-command.js';
import type { CommandAction, View } from '../profile/profile-view.js';
import type { MemberRepository } from '../members/ports.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { Decision, Invitation, OnConnected } from './connection.js';
import type { InvitationState, InvitationView, PersonRef } from './connection-view.js';
import type { ChatMessenger, ConnectionRepository } from './ports.js';

export const SHOW_CONNECTIONS: CommandAction = { label: 'My connections', command: 'connections' };

export interface InvitationsOptions {
  repository: ConnectionRepository;
  members: MemberRepository;
  messenger: ChatMessenger;
  clock: Clock;
  logger: Logger;
  /** Runs once each time a pair connects, e.g. to award connection badges. */
  onConnected?: OnConnected;
}

export interface Invitations {
  /** `connect @member`: invites, or connects when the member had invited the viewer. */
  invite(viewer: Viewer, invitee: string): Promise<View>;
  /** `accept @inviter` / `ignore @inviter`: answers the inviter's invitation to the viewer. */
  answer(viewer: Viewer, inviter: string, decision: Decision): Promise<View>;
  /** The member as lists and cards name them. */
  toPerson(tenant: string, userId: string): Promise<PersonRef>;
}

export function createInvitations(options: InvitationsOptions): Invitations {
  const { repository, members, messenger, clock } = options;
  const logger = options.logger.child({ module: 'connections' });

  async function toPerson(tenant: string, userId: string): Promise<PersonRef> {
    const member = await members.findByUserId(tenant, userId);
    return {
      userId,
      displayName: member?.displayName ?? userId,
      company: member?.company?.name ?? null,
    };
  }

  async function invite(viewer: Viewer, inviteeId: string): Promise<View> {
    const { tenant, userId } = viewer;
    if (inviteeId === userId) return notice('You cannot connect with yourself.');
    if (!(await members.findByUserId(tenant, inviteeId))) {
      return { kind: 'no_profile', userId: inviteeId };
    }
    const invitee = await toPerson(tenant, inviteeId);
    if (await repository.isConnected(tenant, userId, inviteeId)) {
      return notice(`You and ${invitee.displayName} are already connected.`);
    }
    if (await repository.findInvitation(tenant, inviteeId, userId)) {
      return connectCrossed(viewer, invitee);
    }

    const invitation: Invitation = {
      tenant,
      inviter: userId,
      invitee: inviteeId,
      createdAt: clock.now(),
      inviterMessage: null,
      inviteeMessage: null,
    };
    if ((await repository.addInvitation(invitation)) === 'exists') {
      return notice(`You already invited ${invitee.displayName}; the answer is theirs to give.`);
    }
    // The invitee may have invited the viewer at this very moment; then both meant to connect.
    if (await repository.findInvitation(tenant, inviteeId, userId)) {
      return connectCrossed(viewer, invitee);
    }
    logger.info({ tenant, member: userId, invitee: inviteeId }, 'invitation sent');
    return deliver(invitation, invitee);
  }

  /** Sends the card to the invitee and a note to the inviter that is updated on acceptance. */
  async function deliver(invitation: Invitation, invitee: PersonRef): Promise<View> {
    const { tenant, inviter: inviterId } = invitation;
    const inviter = await toPerson(tenant, inviterId);
    const card = toInvitationView(inviter, invitee, 'pending');
    const inviteeMessage = await sendQuietly(tenant, invitee.userId, card);
    const inviterMessage = await sendQuietly(
      tenant,
      inviterId,
      notice(`You invited ${invitee.displayName} to connect. Waiting for an answer.`),
    );
    await repository.saveMessages(invitation, { inviterMessage, inviteeMessage });

    // Crossed with the invitee's own invitation, which connected the pair before these messages
    // were stored: they are brought up to date here, as the connecting side could not.
    if (await repository.isConnected(tenant, inviterId, invitee.userId)) {
      await announce(tenant, inviterId, invitee.userId);
      return notice(`${invitee.displayName} had invited you too: you are now connected.`);
    }

    // Without a way to reach the invitee directly, the card goes where the inviter asked.
    if (!inviteeMessage) return card;
    return notice(`Invitation sent to ${invitee.displayName}.`);
  }

  /** A message the platform refused is a message not sent: the invitation stands regardless. */
  async function sendQuietly(tenant: string, member: string, view: View) {
    try {
      return await messenger.sendToMember(tenant, member, view);
    } catch (error) {
      logger.warn({ tenant, member, err: error }, 'invitation message not sent');
      return null;
    }
  }

  async function connectCrossed(viewer: Viewer, other: PersonRef): Promise<View> {
    await connectPair(viewer.tenant, viewer.userId, other.userId);
    return notice(`${other.displayName} had invited you too: you are now connected.`);
  }

  async function answer(viewer: Viewer, inviterId: string, decision: Decision): Promise<View> {
    const { tenant, userId } = viewer;
    const invitation = await repository.findInvitation(tenant, inviterId, userId);
    if (!invitation) {
      return notice('There is no invitation to you from that member. Nothing was changed.');
    }

    const stored = await repository.decide(invitation, decision, clock.now());
    // Repeated on every accepting click: a connection lost to a crash after the answer is made.
    if (stored.decision === 'accepted') await connectPair(tenant, inviterId, userId);
    if (stored.first) {
      logger.info({ tenant, member: userId, inviter: inviterId, decision }, 'invitation answered');
    }

    const [inviter, invitee] = await Promise.all([
      toPerson(tenant, inviterId),
      toPerson(tenant, userId),
    ]);
    const connected = await repository.isConnected(tenant, inviterId, userId);
    return toInvitationView(inviter, invitee, connected ? 'accepted' : stored.decision);
  }

  /** Connects the pair once, then tells both sides through the messages of their invitations. */
  async function connectPair(tenant: string, a: string, b: string): Promise<void> {
    if (!(await repository.connect(tenant, a, b, clock.now()))) return;
    logger.info({ tenant, members: [a, b] }, 'members connected');

    await Promise.all([announce(tenant, a, b), announce(tenant, b, a)]);
    await options.onConnected?.(tenant, [a, b]);
  }

  /** Updates the messages of the invitation from `inviterId` to `inviteeId`, if there is one. */
  async function announce(tenant: string, inviterId: string, inviteeId: string) {
    const invitation = await repository.findInvitation(tenant, inviterId, inviteeId);
    if (!invitation) return;
    const [inviter, invitee] = await Promise.all([
      toPerson(tenant, inviterId),
      toPerson(tenant, inviteeId),
    ]);
    try {
      if (invitation.inviterMessage) {
        const text = `${invitee.displayName} accepted: you are now connected.`;
        await messenger.update(tenant, invitation.inviterMessage, notice(text));
      }
      if (invitation.inviteeMessage) {
        const card = toInvitationView(inviter, invitee, 'accepted');
        await messenger.update(tenant, invitation.inviteeMessage, card);
      }
    } catch (error) {
      // The connection stands; a message that could not be updated only shows an older state.
      logger.warn({ tenant, member: inviterId, err: error }, 'invitation message not updated');
    }
  }

  return { invite, answer, toPerson };
}

/** The invitee's card in the given state. */
export function toInvitationView(
  inviter: PersonRef,
  invitee: PersonRef,
  state: InvitationState,
): InvitationView {
  const mention = `<@${inviter.userId}>`;
  return {
    kind: 'invitation',
    inviter,
    invitee,
    state,
    accept: { label: 'Accept', command: `accept ${mention}` },
    ignore: { label: 'Ignore', command: `ignore ${mention}` },
    showProfile: { label: `${inviter.displayName}’s profile`, command: `profile ${mention}` },
  };
}

function notice(message: string): View {
  return { kind: 'notice', message, actions: [SHOW_CONNECTIONS] };
}
