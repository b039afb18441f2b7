/** Direct messages to Slack members: posted to the user id, which opens the app's DM. */
import type { webApi } from '@slack/bolt';
import type { MemberNotifier } from '../core/notifications/member-notifier.js';
import type { Logger } from '../core/shared/logger.js';
import { presentSlackMessage } from './present/present-slack.js';

export function registerDirectMessages(
  clientFor: (tenant: string) => Promise<webApi.WebClient>,
  notifier: MemberNotifier,
  logger: Logger,
): void {
  notifier.register('slack', async (tenant, userId, view) => {
    try {
      const client = await clientFor(tenant);
      await client.chat.postMessage({ channel: userId, ...presentSlackMessage(view) });
      logger.info({ tenant, member: userId, view: view.kind }, 'direct message sent');
      return true;
    } catch (error) {
      logger.warn({ tenant, member: userId, err: error }, 'direct message failed');
      return false;
    }
  });
}
