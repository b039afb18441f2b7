/** Answers the admin commands: refuses anyone who is not an admin, then runs the subcommand. */
import { ADMIN_HELP, type AdminCommand } from '../commands/admin-grammar.js';
import type { CommunityAdminCommand } from '../commands/community-admin-grammar.js';
import type { View } from '../profile/profile-view.js';
import type { ConfigureSources } from '../slack-sources/configure-sources.js';
import type { AnswerAdminCommand } from './admin-commands.js';
import type { Logger } from '../shared/logger.js';
import type { AdminPolicy } from './admin-policy.js';

/** Who asks, in which tenant. */
export interface AdminViewer {
  tenant: string;
  userId: string;
}

export interface AnswerAdminOptions {
  admins: Pick<AdminPolicy, 'isAdmin'>;
  configureSources: ConfigureSources;
  /** Awards, penalties, ledgers and rebuilds. */
  answerMemberAdmin: AnswerAdminCommand;
  /** Challenges and the shop. */
  answerCommunityAdmin: (viewer: AdminViewer, command: CommunityAdminCommand) => Promise<View>;
  logger: Logger;
}

/** Answers one admin command for the member asking. */
export type AnswerAdmin = (viewer: AdminViewer, command: AdminCommand) => Promise<View>;

export const NOT_ADMIN_TEXT = 'Only admins of this community can use admin commands.';

/** Builds the answer to admin commands, with the admin check in front of every one. */
export function createAnswerAdmin(options: AnswerAdminOptions): AnswerAdmin {
  const { admins } = options;
  const logger = options.logger.child({ module: 'admin' });

  return async (viewer, command) => {
    if (!(await admins.isAdmin(viewer.tenant, viewer.userId))) {
      logger.warn({ tenant: viewer.tenant, member: viewer.userId }, 'admin command refused');
      return { kind: 'notice', message: NOT_ADMIN_TEXT, actions: [] };
    }

    switch (command.subcommand) {
      case 'help':
        return { kind: 'help', commands: [...ADMIN_HELP], actions: [] };
      case 'sources':
        return options.configureSources(viewer, command.request);
      case 'members':
        return options.answerMemberAdmin(viewer, command.command);
      case 'community':
        return options.answerCommunityAdmin(viewer, command.command);
    }
  };
}
