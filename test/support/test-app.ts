/** Starts the whole product in this process on a database of its own. */
import { startApp, type RunningApp } from '../../src/app.js';
import type { Clock } from '../../src/core/shared/clock.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import { buildConfig } from './database.js';
import { FORUM_SOURCE } from './intake-requests.js';
import { SIGNING_SECRET } from './slack-requests.js';

export interface TestApp extends RunningApp {
  baseUrl: string;
}

export async function startTestApp(
  environment: Record<string, string> = {},
  clock?: Clock,
): Promise<TestApp> {
  const config = buildConfig({ INTAKE_SOURCES: JSON.stringify([FORUM_SOURCE]), ...environment });
  const app = await startApp(config, { logger: silentLogger, ...(clock ? { clock } : {}) });
  return { ...app, baseUrl: `http://127.0.0.1:${app.port}` };
}

/** The product with Slack in HTTP mode, its Web API pointed at the recorder. */
export function startSlackTestApp(
  slackApiUrl: string,
  environment: Record<string, string> = {},
): Promise<TestApp> {
  return startTestApp({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    ...environment,
  });
}
