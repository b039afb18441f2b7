/** Answers the connection commands; the shared command answerer hands them over here. */
import type { ConnectionCommand } from '../commands/connection-grammar.js';
import type { Viewer } from '../profile/answer-command.js';
import type { View } from '../profile/profile-view.js';
import type { Invitations } from './invitations.js';
import type { Referrals } from './referrals.js';

export type AnswerConnectionCommand = (viewer: Viewer, command: ConnectionCommand) => Promise<View>;

export interface AnswerConnectionCommandOptions {
  invitations: Pick<Invitations, 'invite' | 'answer'>;
  showConnections: (viewer: Viewer) => Promise<View>;
  referrals: Pick<Referrals, 'show' | 'join'>;
  inviteByEmail: (viewer: Viewer, email: string) => Promise<View>;
}

export function createAnswerConnectionCommand(
  options: AnswerConnectionCommandOptions,
): AnswerConnectionCommand {
  const { invitations, showConnections, referrals, inviteByEmail } = options;

  return async (viewer, command) => {
    switch (command.name) {
      case 'connect':
        return invitations.invite(viewer, command.member);
      case 'accept':
        return invitations.answer(viewer, command.member, 'accepted');
      case 'ignore':
        return invitations.answer(viewer, command.member, 'ignored');
      case 'connections':
        return showConnections(viewer);
      case 'referral':
        return referrals.show(viewer);
      case 'joined':
        return referrals.join(viewer, command.code);
      case 'invite':
        return inviteByEmail(viewer, command.email);
    }
  };
}
