/** `admin sources ...`: shows and changes a tenant's Slack-native sources. */
import type { SourcesRequest } from '../commands/admin-grammar.js';
import type { NoticeView } from '../profile/profile-view.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import { EMOJI_ROLES, type SlackSourceRepository, type SourceSettings } from './source-settings.js';

export interface ConfigureSourcesOptions {
  sources: SlackSourceRepository;
  clock: Clock;
  logger: Logger;
}

/** Who configures, in which tenant; the caller has checked that they are an admin. */
export interface SourcesAdmin {
  tenant: string;
  userId: string;
}

/** Answers an admin's sources request. */
export type ConfigureSources = (
  admin: SourcesAdmin,
  request: SourcesRequest,
) => Promise<NoticeView>;

const SLACK_ONLY =
  'Channels and emoji that earn points are set from the Slack workspace, with /mendix.';

const ROLE_NAMES = { buzz: 'a buzz channel', qa: 'a Q&A channel' } as const;

/** Builds the `admin sources` use case. */
export function createConfigureSources(options: ConfigureSourcesOptions): ConfigureSources {
  const { sources, clock } = options;
  const logger = options.logger.child({ module: 'slack-sources' });

  return async (admin, request) => {
    const { tenant, userId } = admin;
    if (!tenant.startsWith('slack:')) return notice(SLACK_ONLY);

    switch (request.action) {
      case 'show':
        return notice(describe(await readSettings(tenant)));
      case 'channel': {
        const { channel, role } = request;
        const since = clock.now();
        const change = await sources.saveChannel({
          tenant,
          channel,
          role,
          since,
          configuredBy: userId,
        });
        logger.info({ tenant, member: userId, channel, role, change }, 'source channel set');
        if (change === 'unchanged') return notice(`<#${channel}> is ${ROLE_NAMES[role]} already.`);
        return notice(`<#${channel}> is now ${ROLE_NAMES[role]}; it counts from now on.`);
      }
      case 'remove': {
        const removed = await sources.removeChannel(tenant, request.channel);
        if (!removed) return notice(`<#${request.channel}> was not a source channel.`);
        logger.info({ tenant, member: userId, channel: request.channel }, 'source channel removed');
        return notice(`<#${request.channel}> no longer earns points.`);
      }
      case 'emoji': {
        const { role, emoji } = request;
        // One emoji has one meaning, or a single reaction would count twice.
        const current = await sources.findEmoji(tenant);
        const taken = EMOJI_ROLES.find((other) => other !== role && current[other] === emoji);
        if (taken) return notice(`:${emoji}: is the ${taken} emoji already; pick another one.`);
        await sources.saveEmoji(tenant, role, emoji, userId, clock.now());
        logger.info({ tenant, member: userId, role, emoji }, 'source emoji set');
        return notice(`The ${role} emoji is now :${emoji}:.`);
      }
    }
  };

  async function readSettings(tenant: string): Promise<SourceSettings> {
    const [channels, emoji] = await Promise.all([
      sources.listChannels(tenant),
      sources.findEmoji(tenant),
    ]);
    return { channels, emoji };
  }
}

/** The settings as an admin reads them. */
function describe(settings: SourceSettings): string {
  const list = (role: 'buzz' | 'qa') => {
    const channels = settings.channels.filter((channel) => channel.role === role);
    return channels.length === 0
      ? 'none'
      : channels.map(({ channel }) => `<#${channel}>`).join(', ');
  };
  const { upvote, downvote, accepted } = settings.emoji;
  return [
    `Buzz channels: ${list('buzz')}`,
    `Q&A channels: ${list('qa')}`,
    `Upvote :${upvote}:, downvote :${downvote}:, accepted answer :${accepted}:`,
  ].join('\n');
}

function notice(message: string): NoticeView {
  return { kind: 'notice', message, actions: [] };
}
