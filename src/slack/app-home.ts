/** The App Home tab: the member's profile, published each time they open it. */
import type { App } from '@slack/bolt';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import { contactFetcher, toSlackTenant } from './slack-identity.js';
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

    const tenant = toSlackTenant({ team_id: body.team_id, enterprise_id: body.enterprise_id });
    await options.registerContact(tenant, event.user, contactFetcher(client, event.user, null));
    const view = await options.answerCommand({ tenant, userId: event.user }, 'profile');
    const { blocks } = presentSlackMessage(view);
    await client.views.publish({ user_id: event.user, view: { type: 'home', blocks } });
    logger.debug({ tenant, member: event.user }, 'home published');
  });
}
