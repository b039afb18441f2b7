/**
 * `/mendix <command>`: acknowledged at once, answered through `response_url`, so that a slow
 * database never breaks Slack's three-second limit.
 */
import type { App, webApi } from '@slack/bolt';
import { changesOwnDashboard, parseCommand } from '../core/commands/grammar.js';
import type { ConnectionRepository } from '../core/connections/ports.js';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import { presentSlackModal } from './present/present-form.js';
import { presentSlackMessage } from './present/present-slack.js';
import { contactFetcher, toSlackRequester } from './slack-identity.js';

export const SLASH_COMMAND = '/mendix';

const FAILURE_TEXT = 'Sorry, that did not work on our side. Please try again in a minute.';
const NO_REQUESTER_TEXT = 'Slack did not say who sent this command, so it was not run.';

export interface MendixCommandOptions {
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  connections: Pick<ConnectionRepository, 'recordChannel'>;
  /** Publishes the member's App Home dashboard again. */
  refreshHome?: (client: webApi.WebClient, tenant: string, userId: string) => Promise<void>;
  logger: Logger;
}

/** Public and private channels start with C or G; direct messages (D) are shared with nobody. */
const SHARED_CHANNEL = /^[CG][A-Z0-9]{2,40}$/;

export function registerMendixCommand(app: App, options: MendixCommandOptions): void {
  const logger = options.logger.child({ module: 'slack-command' });

  app.command(SLASH_COMMAND, async ({ command, ack, respond, client }) => {
    await ack();

    const text = typeof command.text === 'string' ? command.text : '';
    const requester = toSlackRequester(command);
    const fields = { ...requester, command: text.split(' ')[0] };
    try {
      if (!requester) {
        logger.warn(fields, 'command without a valid team or user');
        await respond({ response_type: 'ephemeral', text: NO_REQUESTER_TEXT });
        return;
      }
      const { tenant, userId } = requester;
      await options.registerContact(
        tenant,
        userId,
        contactFetcher(client, userId, command.user_name ?? null),
      );
      if (SHARED_CHANNEL.test(command.channel_id ?? '')) {
        await options.connections.recordChannel(tenant, userId, command.channel_id);
      }
      // A direct message (D…) is no channel: commands there answer as in a direct chat.
      const channel = typeof command.channel_id === 'string' ? command.channel_id : '';
      const channelId = channel === '' || channel.startsWith('D') ? null : channel;
      const view = await options.answerCommand({ tenant, userId, channelId }, text);
      if (view.kind === 'form') {
        await client.views.open({ trigger_id: command.trigger_id, view: presentSlackModal(view) });
        logger.debug({ ...fields, form: view.form }, 'form opened');
        return;
      }
      await respond({ response_type: 'ephemeral', ...presentSlackMessage(view) });
      logger.debug({ ...fields, view: view.kind }, 'command answered');
      const parsed = parseCommand(text);
      if (parsed.ok && changesOwnDashboard(parsed.command)) {
        await options.refreshHome?.(client, tenant, userId);
      }
    } catch (error) {
      logger.error({ ...fields, err: error }, 'command failed');
      await respond({ response_type: 'ephemeral', text: FAILURE_TEXT }).catch(() => undefined);
    }
  });
}
