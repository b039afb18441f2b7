/** Direct messages to Slack members: posted to the user id, which opens the app's DM. */
import type { App } from '@slack/bolt';
import type { MemberNotifier } from '../core/notifications/member-notifier.js';
import type { Logger } from '../core/shared/logger.js';
import { presentSlackMessage } from './present/present-slack.js';

export function registerDirectMessages(app: App, notifier: MemberNotifier, logger: Logger): void {
  notifier.register('slack', async (tenant, userId, view) => {
    try {
      await app.client.chat.postMessage({ channel: userId, ...presentSlackMessage(view) });
      logger.info({ tenant, member: userId, view: view.kind }, 'direct message sent');
      return true;
    } catch (error) {
      logger.warn({ tenant, member: userId, err: error }, 'direct message failed');
      return false;
    }
  });
}
