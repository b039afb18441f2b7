/** The app's structured logger: pino, with secrets redacted wherever they appear in fields. */
import { pino, type Logger as PinoLogger } from 'pino';

export interface LoggerOptions {
  level: string;
  format: 'json' | 'pretty';
}

/** Field paths that may hold credentials; their values never reach the log. */
const REDACTED_PATHS = [
  'token',
  'secret',
  'password',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.secret',
  '*.signingSecret',
  '*.password',
  'headers.authorization',
  'headers["x-slack-signature"]',
  'headers["x-profile-signature"]',
];

export function createLogger(options: LoggerOptions): PinoLogger {
  return pino({
    level: options.level,
    base: { service: 'community-profile-bot' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    transport:
      options.format === 'pretty'
        ? { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } }
        : undefined,
  });
}
