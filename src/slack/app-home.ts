/**
 * The App Home tab: the member's profile dashboard, published when they open it and again
 * after their own changes, and restored from any view a home button showed.
 */
import type { App, BlockButtonAction, webApi } from '@slack/bolt';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { ShowDashboard } from '../core/profile/dashboard.js';
import type { Logger } from '../core/shared/logger.js';
import { contactFetcher, toSlackRequester } from './slack-identity.js';
import { presentDashboardBlocks } from './present/present-dashboard.js';

/** The button that brings the dashboard back on the home tab. */
export const SHOW_DASHBOARD_ACTION = 'show_dashboard';

export interface AppHomeOptions {
  showDashboard: ShowDashboard;
  registerContact: RegisterContact;
  logger: Logger;
}

/** Publishes a member's dashboard on their home tab. */
export type PublishHome = (
  client: webApi.WebClient,
  tenant: string,
  userId: string,
) => Promise<void>;

export function createHomePublisher(options: AppHomeOptions): PublishHome {
  const logger = options.logger.child({ module: 'slack-home' });

  return async (client, tenant, userId) => {
    const dashboard = await options.showDashboard({ tenant, userId });
    const blocks = presentDashboardBlocks(dashboard);
    await client.views.publish({ user_id: userId, view: { type: 'home', blocks } });
    logger.debug({ tenant, member: userId, blocks: blocks.length }, 'home published');
  };
}

export function registerAppHome(app: App, options: AppHomeOptions, publish: PublishHome): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;

    const requester = toSlackRequester({ ...body, user_id: event.user });
    if (!requester) return;
    const { tenant, userId } = requester;
    await options.registerContact(tenant, userId, contactFetcher(client, userId, null));
    await publish(client, tenant, userId);
  });

  app.action<BlockButtonAction>(SHOW_DASHBOARD_ACTION, async ({ ack, body, client }) => {
    await ack();
    const requester = toSlackRequester({
      team_id: body.team?.id,
      enterprise_id: body.enterprise?.id,
      user_id: body.user?.id,
    });
    if (requester) await publish(client, requester.tenant, requester.userId);
  });
}
