/** The Slack adapter: Bolt in HTTP mode on the shared server, or in Socket Mode. */
import {
  App,
  ExpressReceiver,
  LogLevel,
  type InstallationStore,
  type Logger as BoltLogger,
  webApi,
} from '@slack/bolt';
import type { Application } from 'express';
import type { SlackConfig } from '../config.js';
import type { MessengerRegistry } from '../core/connections/messenger-registry.js';
import type { ConnectionRepository } from '../core/connections/ports.js';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import type { SlackActivity } from '../core/slack-sources/record-slack-activity.js';
import { registerInvitationButtons } from './invitation-buttons.js';
import { createHomePublisher, registerAppHome } from './app-home.js';
import type { ShowDashboard } from '../core/profile/dashboard.js';
import { registerCommandButtons } from './command-buttons.js';
import { registerFormSubmissions } from './form-submissions.js';
import type { SubmitForm } from '../core/forms/submit-form.js';
import { registerMendixCommand } from './mendix-command.js';
import { registerSourceEvents } from './source-events.js';
import { createSlackMessenger } from './slack-messenger.js';
import { createWorkspaceGuard, type WorkspaceGuard } from './workspace-guard.js';
import { createInFlight } from '../core/shared/in-flight.js';
import { refuseFutureRequests } from './request-freshness.js';

/** Where Slack sends events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

/** Where a workspace admin starts installing the app, and where Slack sends them back. */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_REDIRECT_PATH = '/slack/oauth_redirect';

/** The bot scopes the app asks for; the manifest declares the same. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'users:read',
  'users:read.email',
  // Digests in channels, and direct messages to members.
  'chat:write',
  // Buzz and Q&A channels: their messages, and the thread a reaction was added in.
  'channels:history',
  'groups:history',
  'reactions:read',
];

export interface SlackAdapterOptions {
  config: Extract<SlackConfig, { enabled: true }>;
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  /** Where the OAuth distribution keeps installations; needed only in OAuth mode. */
  installations?: InstallationStore & { fetchBotToken(tenant: string): Promise<string | null> };
  slackActivity: SlackActivity;
  /** Where the channels members use the bot in are noted, for "people you may know". */
  connections: Pick<ConnectionRepository, 'recordChannel'>;
  /** Slack's messenger is registered here, for direct messages such as invitations. */
  messengers: MessengerRegistry;
  submitForm: SubmitForm;
  showDashboard: ShowDashboard;
  logger: Logger;
}

/** A configured Bolt app; HTTP mode mounts on the shared server, Socket Mode connects out. */
export interface SlackAdapter {
  mount(app: Application): void;
  start(): Promise<void>;
  /**
   * Stops taking requests (Socket Mode) and waits, up to `drainMs`, for the work of those
   * already acknowledged: Slack sends a request once, so work dropped here is lost.
   */
  stop(drainMs: number): Promise<void>;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const logger = options.logger.child({ module: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const inFlight = createInFlight();
  const clientOptions = { slackApiUrl: config.apiUrl };
  let receiver: ExpressReceiver | undefined;
  let app: App | undefined;
  const single =
    config.mode === 'oauth'
      ? null
      : createSingleWorkspace(config.botToken, clientOptions, boltLogger, logger);

  function build(expressApp?: Application): App {
    if (config.mode === 'socket') {
      return new App({
        authorize: single?.guard.authorize,
        appToken: config.appToken,
        socketMode: true,
        clientOptions,
        // The Socket Mode client opens its connection through a Web API client of its own.
        installerOptions: { clientOptions },
        logger: boltLogger,
      });
    }
    receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger,
      ...(expressApp ? { app: expressApp } : {}),
      ...(config.mode === 'oauth' ? oauthOptions(config) : {}),
    });
    if (config.mode === 'oauth') return new App({ receiver, clientOptions, logger: boltLogger });
    const authorize = single?.guard.authorize;
    return new App({ authorize, receiver, clientOptions, logger: boltLogger });
  }

  /** A Web API client with the tenant's bot token. */
  function createClientFor(): (tenant: string) => Promise<webApi.WebClient> {
    if (single) return async () => single.client;
    return async (tenant) => {
      const token = await options.installations!.fetchBotToken(tenant);
      if (!token) throw new Error(`the app is not installed in ${tenant}`);
      return new webApi.WebClient(token, { ...clientOptions, logger: boltLogger });
    };
  }

  function oauthOptions(oauth: Extract<SlackConfig, { mode: 'oauth' }>) {
    if (!options.installations) throw new Error('OAuth mode needs an installation store');
    return {
      clientId: oauth.clientId,
      clientSecret: oauth.clientSecret,
      stateSecret: oauth.stateSecret,
      scopes: SLACK_BOT_SCOPES,
      installationStore: options.installations,
      installerOptions: {
        installPath: SLACK_INSTALL_PATH,
        redirectUriPath: SLACK_REDIRECT_PATH,
        // Straight to Slack's consent page, without a page of our own in between.
        directInstall: true,
        clientOptions,
      },
    };
  }

  function configure(built: App): App {
    // A listener acknowledges first and works on; a stopping instance finishes that work.
    built.use(async ({ next }) => {
      await inFlight.track(next());
    });
    // Before any listener: a request of another workspace stores nothing and runs nothing.
    if (single) built.use(single.guard.middleware);
    const publishHome = createHomePublisher(options);
    registerMendixCommand(built, { ...options, refreshHome: publishHome });
    registerAppHome(built, options, publishHome);
    registerCommandButtons(built, { ...options, refreshHome: publishHome });
    if (config.mode === 'oauth') registerUninstall(built, options.installations!, logger);
    registerSourceEvents(built, options);
    registerInvitationButtons(built, options);
    // Messages no request carries go out with the workspace's own token: the one token of a
    // single workspace, or the installation's under OAuth.
    const clientFor = createClientFor();
    options.messengers.register('slack', createSlackMessenger(clientFor));
    registerFormSubmissions(built, {
      ...options,
      // The request's own client: authorized for the workspace already.
      afterChange: publishHome,
    });
    built.error(async (error) => {
      logger.error({ err: error }, 'slack listener failed');
    });
    return built;
  }

  return {
    mount(expressApp) {
      if (config.mode === 'socket') return;
      expressApp.use(SLACK_EVENTS_PATH, refuseFutureRequests(logger));
      app = configure(build(expressApp));
    },

    async start() {
      // Known before the first request when Slack answers; a failure is logged and retried.
      await single?.guard.resolve();
      if (config.mode === 'socket') {
        app = configure(build());
        await app.start();
        logger.info({ mode: 'socket' }, 'slack connected in Socket Mode');
      } else {
        const install = config.mode === 'oauth' ? SLACK_INSTALL_PATH : undefined;
        const fields = { mode: config.mode, path: SLACK_EVENTS_PATH, install };
        logger.info(fields, 'slack listening over HTTP');
      }
    },

    async stop(drainMs) {
      if (config.mode === 'socket') await app?.stop();
      const unfinished = await inFlight.drain(drainMs);
      if (unfinished > 0) logger.warn({ unfinished }, 'slack work left unfinished at stop');
    },
  };
}

/** A bot token's one workspace: a client with the token, and the guard admitting it only. */
function createSingleWorkspace(
  botToken: string,
  clientOptions: { slackApiUrl: string },
  boltLogger: BoltLogger,
  logger: Logger,
): { client: webApi.WebClient; guard: WorkspaceGuard } {
  // The lookup fails fast: a request waiting for it must still be acknowledged in time.
  const lookupOptions = { ...clientOptions, timeout: 2_000, retryConfig: { retries: 0 } };
  const lookupClient = new webApi.WebClient(botToken, { ...lookupOptions, logger: boltLogger });
  return {
    client: new webApi.WebClient(botToken, { ...clientOptions, logger: boltLogger }),
    guard: createWorkspaceGuard({ botToken, client: lookupClient, logger }),
  };
}

/** What an uninstall or revocation event tells of the installation it ends. */
interface UninstallBody {
  team_id?: string;
  enterprise_id?: string;
  authorizations?: { is_enterprise_install?: boolean }[];
}

/** A workspace that removes the app, or revokes its token, leaves no token behind. */
function registerUninstall(app: App, installations: InstallationStore, logger: Logger) {
  const forget = async (body: UninstallBody, reason: string) => {
    const teamId = body.team_id;
    if (!teamId) return;
    const enterpriseId = body.enterprise_id;
    const isEnterpriseInstall = body.authorizations?.[0]?.is_enterprise_install === true;
    await installations.deleteInstallation?.(
      isEnterpriseInstall && enterpriseId
        ? { teamId: undefined, enterpriseId, isEnterpriseInstall: true }
        : { teamId, enterpriseId, isEnterpriseInstall: false },
    );
    logger.info(
      { tenant: `slack:${body.enterprise_id || teamId}`, reason },
      'installation removed',
    );
  };
  app.event('app_uninstalled', ({ body }) => forget(body, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ body, event }) => {
    if ((event.tokens.bot ?? []).length > 0) await forget(body, 'tokens_revoked');
  });
}

/** Bolt logs through its own interface; this sends its lines to our structured log. */
function toBoltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]) => parts.map((part) => String(part)).join(' ');
  return {
    debug: (...parts) => logger.debug({ source: 'bolt' }, join(parts)),
    info: (...parts) => logger.info({ source: 'bolt' }, join(parts)),
    warn: (...parts) => logger.warn({ source: 'bolt' }, join(parts)),
    error: (...parts) => logger.error({ source: 'bolt' }, join(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
