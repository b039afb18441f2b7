/** The App Home tab: the member's profile, published each time they open it. */
import type { App } from '@slack/bolt';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import { contactFetcher, toSlackRequester } from './slack-identity.js';
import { presentSlackMessage } from './present/present-slack.js';

export interface AppHomeOptions {
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  logger: Logger;
}

export function registerAppHome(app: App, options: AppHomeOptions): void {
  const logger = options.logger.child({ module: 'slack-home' });

  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;

    const requester = toSlackRequester({ ...body, user_id: event.user });
    if (!requester) return;
    const { tenant, userId } = requester;
    await options.registerContact(tenant, userId, contactFetcher(client, userId, null));
    const view = await options.answerCommand({ tenant, userId }, 'profile');
    const { blocks } = presentSlackMessage(view);
    await client.views.publish({ user_id: userId, view: { type: 'home', blocks } });
    logger.debug({ tenant, member: userId }, 'home published');
  });
}
