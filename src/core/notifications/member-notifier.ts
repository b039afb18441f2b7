/**
 * Telling one member something without being asked, such as a penalty: a direct message
 * through the messenger of the tenant's platform.
 */
import type { ChatMessenger } from '../connections/ports.js';
import type { View } from '../profile/profile-view.js';
import type { Logger } from '../shared/logger.js';

export interface MemberNotifier {
  /** Sends the view to the member; false when the platform could not reach them. */
  notify(tenant: string, userId: string, view: View): Promise<boolean>;
}

export function createMemberNotifier(
  messenger: Pick<ChatMessenger, 'sendToMember'>,
  parent: Logger,
): MemberNotifier {
  const logger = parent.child({ module: 'notifications' });

  return {
    async notify(tenant, userId, view) {
      try {
        const sent = await messenger.sendToMember(tenant, userId, view);
        if (sent) logger.info({ tenant, member: userId, view: view.kind }, 'direct message sent');
        return sent !== null;
      } catch (error) {
        logger.warn({ tenant, member: userId, err: error }, 'direct message failed');
        return false;
      }
    },
  };
}
