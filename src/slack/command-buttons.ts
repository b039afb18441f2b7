/**
 * Buttons that run a command: answered like the typed command, through `response_url` for a
 * message, or by showing the answer on the App Home tab the button was pressed on.
 */
import type { App, BlockButtonAction, types } from '@slack/bolt';
import { SHOW_DASHBOARD_ACTION, type PublishHome } from './app-home.js';
import { changesOwnDashboard, parseCommand } from '../core/commands/grammar.js';
import { MAX_HOME_BLOCKS } from './present/present-dashboard.js';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import { presentSlackModal } from './present/present-form.js';
import { COMMAND_BUTTON_PREFIX } from './present/blocks.js';
import { presentSlackMessage } from './present/present-slack.js';
import { contactFetcher, toSlackRequester } from './slack-identity.js';

export interface CommandButtonOptions {
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  /** Publishes the member's App Home dashboard again. */
  refreshHome?: PublishHome;
  logger: Logger;
}

/** Shown under an answer on the home tab, to bring the dashboard back. */
const BACK_TO_DASHBOARD: types.KnownBlock = {
  type: 'actions',
  elements: [
    {
      type: 'button',
      action_id: SHOW_DASHBOARD_ACTION,
      text: { type: 'plain_text', text: 'Back to dashboard' },
    },
  ],
};

const COMMAND_BUTTON = new RegExp(`^${COMMAND_BUTTON_PREFIX}\\d+$`);

export function registerCommandButtons(app: App, options: CommandButtonOptions): void {
  const logger = options.logger.child({ module: 'slack-buttons' });

  app.action<BlockButtonAction>(COMMAND_BUTTON, async ({ ack, body, action, respond, client }) => {
    await ack();

    const requester = toSlackRequester({
      team_id: body.team?.id,
      enterprise_id: body.enterprise?.id,
      user_id: body.user?.id,
    });
    if (!requester) return;
    const { tenant, userId } = requester;
    await options.registerContact(tenant, userId, contactFetcher(client, userId, null));
    const view = await options.answerCommand({ tenant, userId }, action.value ?? '');
    if (view.kind === 'form') {
      await client.views.open({ trigger_id: body.trigger_id, view: presentSlackModal(view) });
      logger.debug({ tenant, member: userId, form: view.form }, 'form opened');
      return;
    }
    const message = presentSlackMessage(view);

    if (body.container.type === 'view') {
      const blocks = [...message.blocks.slice(0, MAX_HOME_BLOCKS - 1), BACK_TO_DASHBOARD];
      await client.views.publish({ user_id: userId, view: { type: 'home', blocks } });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, ...message });
      const parsed = parseCommand(action.value ?? '');
      if (parsed.ok && changesOwnDashboard(parsed.command)) {
        await options.refreshHome?.(client, tenant, userId);
      }
    }
    logger.debug({ tenant, member: userId, command: action.value }, 'button answered');
  });
}
