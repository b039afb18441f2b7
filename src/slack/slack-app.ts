/** The Slack adapter: Bolt in HTTP mode on the shared server, or in Socket Mode. */
import { App, ExpressReceiver, LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Application } from 'express';
import type { SlackConfig } from '../config.js';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Logger } from '../core/shared/logger.js';
import { registerAppHome } from './app-home.js';
import { registerCommandButtons } from './command-buttons.js';
import { registerMendixCommand } from './mendix-command.js';
import type { DirectMessageRouter } from '../chat/direct-messages.js';

/** Where Slack sends events, commands and interactions in HTTP mode. */
export const SLACK_EVENTS_PATH = '/slack/events';

export interface SlackAdapterOptions {
  config: Extract<SlackConfig, { enabled: true }>;
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  directMessages: DirectMessageRouter;
  logger: Logger;
}

/** A configured Bolt app; HTTP mode mounts on the shared server, Socket Mode connects out. */
export interface SlackAdapter {
  mount(app: Application): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { config } = options;
  const logger = options.logger.child({ module: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const clientOptions = { slackApiUrl: config.apiUrl };
  let receiver: ExpressReceiver | undefined;
  let app: App | undefined;

  function build(expressApp?: Application): App {
    if (config.mode === 'socket') {
      return new App({
        token: config.botToken,
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
    });
    return new App({ token: config.botToken, receiver, clientOptions, logger: boltLogger });
  }

  function configure(built: App): App {
    registerMendixCommand(built, options);
    registerAppHome(built, options);
    registerCommandButtons(built, options);
    // A member's direct message channel is opened by posting to the member's user id.
    const postMessage = async (_tenant: string, channel: string, message: { text: string }) => {
      await built.client.chat.postMessage({ channel, text: message.text });
    };
    options.directMessages.register('slack', postMessage);
    options.directMessages.registerChannel('slack', postMessage);
    built.error(async (error) => {
      logger.error({ err: error }, 'slack listener failed');
    });
    return built;
  }

  return {
    mount(expressApp) {
      if (config.mode === 'http') app = configure(build(expressApp));
    },

    async start() {
      if (config.mode === 'socket') {
        app = configure(build());
        await app.start();
        logger.info({ mode: 'socket' }, 'slack connected in Socket Mode');
      } else {
        logger.info({ mode: 'http', path: SLACK_EVENTS_PATH }, 'slack listening over HTTP');
      }
    },

    async stop() {
      if (config.mode === 'socket') await app?.stop();
    },
  };
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
