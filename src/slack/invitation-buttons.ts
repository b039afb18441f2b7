/**
 * Accept and Ignore on an invitation card: acknowledged at once, run as the command the button
 * carries, and answered by replacing the card with its outcome.
 */
import type { App, BlockButtonAction } from '@slack/bolt';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import {
  ACCEPT_INVITATION_ACTION,
  IGNORE_INVITATION_ACTION,
} from './present/present-connections.js';
import { presentSlackMessage } from './present/present-slack.js';
import { contactFetcher, toSlackRequester } from './slack-identity.js';

export interface InvitationButtonOptions {
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  logger: Logger;
}

const UNKNOWN_TEXT = 'That button sent nothing I understand, so nothing was changed.';
const FAILURE_TEXT = 'Sorry, that did not work on our side. Please try again in a minute.';

/** The only commands these buttons may carry; anything else in a value is not run. */
const ANSWER_COMMAND = /^(accept|ignore) <@[A-Za-z0-9:_.-]{1,128}>$/;

const ANSWER_ACTIONS = new RegExp(`^(${ACCEPT_INVITATION_ACTION}|${IGNORE_INVITATION_ACTION})$`);

export function registerInvitationButtons(app: App, options: InvitationButtonOptions): void {
  const logger = options.logger.child({ module: 'slack-invitations' });

  app.action<BlockButtonAction>(ANSWER_ACTIONS, async ({ ack, body, action, respond, client }) => {
    await ack();

    const requester = toSlackRequester({
      team_id: body.team?.id,
      enterprise_id: body.enterprise?.id,
      user_id: body.user?.id,
    });
    const command = action.value ?? '';
    if (!requester || !ANSWER_COMMAND.test(command)) {
      logger.warn({ ...requester, action: action.action_id }, 'invitation button refused');
      await respond({ response_type: 'ephemeral', replace_original: false, text: UNKNOWN_TEXT });
      return;
    }
    const { tenant, userId } = requester;
    try {
      await options.registerContact(tenant, userId, contactFetcher(client, userId, null));
      const view = await options.answerCommand({ tenant, userId }, command);

      // The answer replaces the card it was given on; a notice (not the member's) goes beside it.
      const replace = view.kind === 'invitation';
      await respond({
        replace_original: replace,
        response_type: 'ephemeral',
        ...presentSlackMessage(view),
      });
      logger.debug({ tenant, member: userId, view: view.kind }, 'invitation button answered');
    } catch (error) {
      logger.error({ tenant, member: userId, err: error }, 'invitation button failed');
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: FAILURE_TEXT,
      }).catch(() => undefined);
    }
  });
}
