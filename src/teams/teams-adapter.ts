/** The Teams adapter: Bot Framework's CloudAdapter at `/api/messages` on the shared server. */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type TurnContext,
} from 'botbuilder';
import express, { type Application, type Request, type Response } from 'express';
import type { TeamsConfig } from '../config.js';
import type { Logger } from '../core/shared/logger.js';
import { activitySchema } from './activity-schema.js';
import type { MessengerRegistry } from '../core/connections/messenger-registry.js';
import { ProfileBot, type ProfileBotOptions } from './profile-bot.js';
import { createTeamsMessenger } from './teams-messenger.js';

export const TEAMS_MESSAGES_PATH = '/api/messages';

const FAILURE_TEXT = 'Sorry, that did not work on our side. Please try again in a minute.';
const NOT_BOT_FRAMEWORK = 'not a Bot Framework request';

/** The same limit as the intake's; Teams activities stay far below it. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface TeamsAdapterOptions extends ProfileBotOptions {
  config: TeamsConfig;
  /** The Teams messenger is registered here, for messages such as invitations. */
  messengers: MessengerRegistry;
}

/** CloudAdapter, with the step after parsing the request open to our own request handler. */
class ProfileCloudAdapter extends CloudAdapter {
  handleActivity(authorization: string, activity: Activity, bot: ProfileBot) {
    return this.processActivity(authorization, activity, (context) => bot.run(context));
  }
}

export function createTeamsAdapter(options: TeamsAdapterOptions) {
  const logger = options.logger.child({ module: 'teams' });
  const adapter = new ProfileCloudAdapter(toAuthentication(options.config));
  const bot = new ProfileBot(options);
  const appId = options.config.mode === 'authenticated' ? options.config.appId : '';
  options.messengers.register(
    'teams',
    createTeamsMessenger({ adapter, appId, conversations: options.conversations }),
  );

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'teams turn failed');
    await context.sendActivity(FAILURE_TEXT).catch(() => undefined);
  };

  /**
   * What CloudAdapter.process does, but with our own answers and structured logs: it writes
   * refused requests to the console as plain text.
   */
  async function processActivity(request: Request, response: Response): Promise<void> {
    const authorization = request.get('authorization') ?? '';
    try {
      const activity = request.body as Activity;
      const invoke = await adapter.handleActivity(authorization, activity, bot);
      response.status(invoke?.status ?? 200);
      if (invoke?.body === undefined) response.end();
      else response.json(invoke.body);
    } catch (error) {
      // Errors of the turn itself end in onTurnError; what arrives here comes from checking the
      // request's token, e.g. when Microsoft's signing keys cannot be fetched.
      if ((error as { statusCode?: unknown }).statusCode === 401) {
        logger.warn({ reason: (error as Error).message }, 'activity not authenticated');
        response.status(401).json({ error: 'unauthorized', message: NOT_BOT_FRAMEWORK });
        return;
      }
      logger.error({ err: error }, 'activity could not be authenticated');
      response.status(503).set('Retry-After', '5');
      response.json({ error: 'unavailable', message: 'the request could not be verified now' });
    }
  }

  return {
    /** The Bot Framework adapter, for posts the bot makes without being asked. */
    adapter: adapter as CloudAdapter,
    /** The bot's app id; empty in local mode. */
    appId: options.config.mode === 'authenticated' ? options.config.appId : '',

    mount(app: Application) {
      app.post(
        TEAMS_MESSAGES_PATH,
        express.json({ limit: MAX_BODY_BYTES }),
        async (request: Request, response: Response) => {
          // Where requests must be signed, an unsigned one learns nothing about what is checked.
          if (options.config.mode === 'authenticated' && !request.get('authorization')) {
            response.status(401).json({ error: 'unauthorized', message: NOT_BOT_FRAMEWORK });
            return;
          }
          const checked = activitySchema.safeParse(request.body);
          if (!checked.success) {
            const issues = checked.error.issues.map((issue) => ({
              path: issue.path.join('.') || '(body)',
              message: issue.message,
            }));
            logger.warn({ issues }, 'activity refused');
            response.status(400).json({ error: 'invalid_activity', issues });
            return;
          }
          // Local mode checks no signature, so it serves this machine only: otherwise anyone
          // could make the bot post to any address they name as the activity's serviceUrl.
          if (options.config.mode === 'anonymous' && !isLocalOnly(request, checked.data)) {
            logger.warn({ serviceUrl: checked.data.serviceUrl }, 'activity refused in local mode');
            response.status(403).json({ error: 'forbidden', message: LOCAL_MODE_ONLY });
            return;
          }
          await processActivity(request, response);
        },
      );
    },

    describe(): string {
      return options.config.mode === 'authenticated'
        ? `Teams bot at ${TEAMS_MESSAGES_PATH}, authenticating as app ${options.config.appId}`
        : `Teams bot at ${TEAMS_MESSAGES_PATH} in local mode without authentication, for the ` +
            'Bot Framework Emulator and Teams test tools; set MicrosoftAppId and ' +
            'MicrosoftAppPassword to connect it to Teams';
    },
  };
}

const LOCAL_MODE_ONLY =
  'Without MicrosoftAppId the bot runs in local mode and answers only activities sent from ' +
  'this machine whose serviceUrl is on this machine.';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether the request came from this machine and the activity's answers stay on it. */
function isLocalOnly(request: Request, activity: { serviceUrl: string }): boolean {
  const remote = request.socket.remoteAddress ?? '';
  const fromHere = remote === '::1' || remote.startsWith('127.') || remote === '::ffff:127.0.0.1';
  const host = new URL(activity.serviceUrl).hostname;
  return fromHere && (LOOPBACK_HOSTS.has(host) || host.startsWith('127.'));
}

function toAuthentication(config: TeamsConfig) {
  const credentials =
    config.mode === 'authenticated'
      ? new ConfigurationServiceClientCredentialFactory({
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.appTenantId,
        })
      : new ConfigurationServiceClientCredentialFactory({});
  return new ConfigurationBotFrameworkAuthentication({}, credentials);
}
