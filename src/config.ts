/** Configuration: read once from the environment, validated, every problem reported at once. */
import { z } from 'zod';
import {
  activityOverrideSchema,
  defaultCatalog,
  withOverrides,
  type ActivityOverrides,
} from './core/catalog/activity-catalog.js';
import { isValidTimeZone } from './core/shared/calendar.js';
import { SYSTEM_SOURCE } from './core/scoring/ledger-entry.js';
import { SLACK_SOURCE } from './core/slack-sources/slack-events.js';
import { isTenantId } from './core/tenants/tenant.js';

const optionalText = z.string().trim().optional();

const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'not an IANA time zone, e.g. Europe/Amsterdam');

const tenantSchema = z
  .string()
  .refine(isTenantId, 'a tenant is slack:<team id> or teams:<tenant id>');

/** Reads a variable holding JSON, so that the schema after it sees the parsed value. */
function jsonVariable<T extends z.ZodType>(schema: T, fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'is not valid JSON' });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const intakeSourceSchema = z.object({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, - and _, at most 40')
    .refine((name) => name !== SYSTEM_SOURCE, `"${SYSTEM_SOURCE}" is reserved`)
    .refine((name) => name !== SLACK_SOURCE, `"${SLACK_SOURCE}" is reserved`),
  tenant: tenantSchema,
  secret: z.string().min(16, 'a secret has at least 16 characters'),
});

const intakeSourcesSchema = z.array(intakeSourceSchema).superRefine((sources, ctx) => {
  const names = sources.map((source) => source.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) {
    ctx.addIssue({ code: 'custom', message: `source names repeat: ${repeated.join(', ')}` });
  }
});

/** Overrides by tenant; each tenant is checked on its own, so that every problem is reported. */
const overridesSchema = z.record(z.string(), z.unknown()).transform((byTenant, ctx) => {
  const valid: Record<string, ActivityOverrides> = {};
  for (const [tenant, value] of Object.entries(byTenant)) {
    if (!isTenantId(tenant)) {
      ctx.addIssue({ code: 'custom', path: [tenant], message: 'is not a tenant id' });
    }
    const parsed = z.record(z.string(), activityOverrideSchema).safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: [tenant, ...issue.path], message: issue.message });
      }
      continue;
    }
    try {
      withOverrides(defaultCatalog, parsed.data);
      valid[tenant] = parsed.data;
    } catch (error) {
      ctx.addIssue({ code: 'custom', path: [tenant], message: describe(error) });
    }
  }
  return valid;
});

/** Admins by tenant: the user ids (Slack user ids, Teams AAD object ids) of its managers. */
const adminsSchema = z.record(
  tenantSchema,
  z.array(z.string().regex(/^[A-Za-z0-9:_.-]{1,128}$/, 'is not a user id')).max(100),
);

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  MONGODB_URI: optionalText,
  MONGODB_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, - and _')
    .default('community_profile'),
  DATA_DIR: z.string().min(1).default('./data'),
  INTAKE_SOURCES: jsonVariable(intakeSourcesSchema, '[]'),
  ACTIVITY_OVERRIDES: jsonVariable(overridesSchema, '{}'),
  ADMINS: jsonVariable(adminsSchema, '{}'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: z.url().default('https://slack.com/api/'),
  SLACK_CLIENT_ID: optionalText,
  SLACK_CLIENT_SECRET: optionalText,
  SLACK_STATE_SECRET: optionalText,
  SLACK_TOKEN_ENCRYPTION_KEY: optionalText,
  MicrosoftAppId: optionalText.pipe(z.guid('is the Azure Bot app id, a GUID').optional()),
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant'),
  MicrosoftAppTenantId: optionalText,
  PUBLIC_BASE_URL: optionalText.pipe(z.url().optional()),
  DEFAULT_TIMEZONE: timeZoneSchema.default('UTC'),
  REFERRAL_JOIN_URL: optionalText.pipe(z.url().optional()),
  SMTP_URL: optionalText.pipe(
    z.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' }).optional(),
  ),
  MAIL_FROM: optionalText,
  LEADERBOARD_REFRESH_SECONDS: z.coerce.number().int().min(10).max(86_400).default(60),
  DIGEST_CHECK_SECONDS: z.coerce.number().int().min(10).max(86_400).default(60),
  CHALLENGE_GRACE_DAYS: z.coerce.number().int().min(0).max(365).default(7),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  METRICS_TOKEN: optionalText.pipe(
    z.string().min(16, 'has at least 16 characters, e.g. openssl rand -hex 32').optional(),
  ),
});

type Environment = z.infer<typeof environmentSchema>;

/** Every variable the configuration reads; `.env.example` documents each. */
export const CONFIG_VARIABLES = Object.keys(environmentSchema.shape);

export type IntakeSource = z.infer<typeof intakeSourceSchema>;

/** How the app talks to Slack, or why it does not. */
export type SlackConfig =
  | { enabled: false; reason: string }
  | { enabled: true; mode: 'http'; botToken: string; signingSecret: string; apiUrl: string }
  | { enabled: true; mode: 'socket'; botToken: string; appToken: string; apiUrl: string }
  | ({ enabled: true; mode: 'oauth'; signingSecret: string; apiUrl: string } & SlackOAuthConfig);

/** The OAuth distribution to many workspaces. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state, so that any instance can check a redirect another one began. */
  stateSecret: string;
  /** Encrypts the installations' tokens at rest. */
  encryptionKey: string;
}

/** How the Teams bot authenticates with Bot Framework, or that it runs without (local mode). */
export type TeamsConfig =
  | { mode: 'anonymous' }
  | {
      mode: 'authenticated';
      appId: string;
      appPassword: string | undefined;
      appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
      appTenantId: string | undefined;
    };

export interface Config {
  port: number;
  mongodbUri: string | undefined;
  mongodbDatabase: string;
  dataDir: string;
  intakeSources: IntakeSource[];
  activityOverrides: Record<string, ActivityOverrides>;
  /** Configured admins: user ids by tenant. */
  admins: Record<string, string[]>;
  slack: SlackConfig;
  teams: TeamsConfig;
  publicBaseUrl: string;
  /** Where a referral link leads, with `ref=<code>` added. */
  referralJoinUrl: string;
  /** The mail server for invitations, or null to show their text instead. */
  mail: { url: string; from: string } | null;
  defaultTimeZone: string;
  leaderboardRefreshSeconds: number;
  /** Seconds between looks for due digests. */
  digestCheckSeconds: number;
  /** Days completed challenges stay claimable after their end, unless a tenant sets its own. */
  challengeGraceDays: number;
  logLevel: Environment['LOG_LEVEL'];
  logFormat: 'json' | 'pretty';
  /** The bearer token `/metrics` asks for; null serves it to anyone who reaches the port. */
  metricsToken: string | null;
}

/** Every problem found in the environment, one line each. */
export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The configuration has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Validates the environment; throws a ConfigError listing every problem. */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(environment));
  const problems = parsed.success ? [] : parsed.error.issues.map(describeIssue);
  const slack = toSlackConfig(environment, problems);
  const teams = parsed.success ? toTeamsConfig(parsed.data, problems) : undefined;
  if (!parsed.success || !teams || problems.length > 0) throw new ConfigError(problems);

  const env = parsed.data;
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
  return {
    port: env.PORT,
    mongodbUri: env.MONGODB_URI,
    mongodbDatabase: env.MONGODB_DATABASE,
    dataDir: env.DATA_DIR,
    intakeSources: env.INTAKE_SOURCES,
    activityOverrides: env.ACTIVITY_OVERRIDES,
    admins: env.ADMINS,
    slack,
    teams,
    publicBaseUrl,
    referralJoinUrl: env.REFERRAL_JOIN_URL ?? `${publicBaseUrl}/`,
    mail: env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM ?? 'community@localhost' } : null,
    defaultTimeZone: env.DEFAULT_TIMEZONE,
    leaderboardRefreshSeconds: env.LEADERBOARD_REFRESH_SECONDS,
    digestCheckSeconds: env.DIGEST_CHECK_SECONDS,
    challengeGraceDays: env.CHALLENGE_GRACE_DAYS,
    logLevel: env.LOG_LEVEL,
    logFormat: env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    metricsToken: env.METRICS_TOKEN ?? null,
  };
}

function toTeamsConfig(env: Environment, problems: string[]): TeamsConfig {
  const { MicrosoftAppId: appId, MicrosoftAppPassword: appPassword } = env;
  if (!appId) {
    if (appPassword) problems.push('MicrosoftAppId: required with MicrosoftAppPassword');
    return { mode: 'anonymous' };
  }
  if (env.MicrosoftAppType !== 'UserAssignedMSI' && !appPassword) {
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId');
  }
  if (env.MicrosoftAppType !== 'MultiTenant' && !env.MicrosoftAppTenantId) {
    problems.push(
      `MicrosoftAppTenantId: required when MicrosoftAppType is ${env.MicrosoftAppType}`,
    );
  }
  return {
    mode: 'authenticated',
    appId,
    appPassword,
    appType: env.MicrosoftAppType,
    appTenantId: env.MicrosoftAppTenantId,
  };
}

/** A variable set to nothing counts as not set, so that its default applies. */
function withoutEmptyValues(environment: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '',
    ),
  );
}

/** Which Slack mode the credentials ask for; read from the raw variables to report them always. */
function toSlackConfig(environment: NodeJS.ProcessEnv, problems: string[]): SlackConfig {
  const read = (name: string) => environment[name]?.trim() || undefined;
  const botToken = read('SLACK_BOT_TOKEN');
  const SLACK_SIGNING_SECRET = read('SLACK_SIGNING_SECRET');
  const SLACK_APP_TOKEN = read('SLACK_APP_TOKEN');
  const configuredUrl = read('SLACK_API_URL') ?? 'https://slack.com/api/';
  const apiUrl = configuredUrl.endsWith('/') ? configuredUrl : `${configuredUrl}/`;

  if (read('SLACK_CLIENT_ID') || read('SLACK_CLIENT_SECRET')) {
    return toSlackOAuthConfig(read, { botToken, SLACK_APP_TOKEN, apiUrl }, problems);
  }
  if (!botToken && !SLACK_SIGNING_SECRET && !SLACK_APP_TOKEN) {
    return {
      enabled: false,
      reason:
        'set SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)',
    };
  }
  if (!botToken) problems.push('SLACK_BOT_TOKEN: required when other SLACK_ variables are set');
  if (SLACK_APP_TOKEN && !SLACK_APP_TOKEN.startsWith('xapp-')) {
    problems.push('SLACK_APP_TOKEN: an app-level token starts with xapp-');
  }
  if (!SLACK_APP_TOKEN && !SLACK_SIGNING_SECRET) {
    problems.push('SLACK_SIGNING_SECRET: required in HTTP mode (without SLACK_APP_TOKEN)');
  }
  if (!botToken) return { enabled: false, reason: 'incomplete' };

  if (SLACK_APP_TOKEN)
    return { enabled: true, mode: 'socket', botToken, appToken: SLACK_APP_TOKEN, apiUrl };
  return {
    enabled: true,
    mode: 'http',
    botToken,
    signingSecret: SLACK_SIGNING_SECRET ?? '',
    apiUrl,
  };
}

/** Many workspaces through Slack's OAuth: every secret it needs, and no single-workspace token. */
function toSlackOAuthConfig(
  read: (name: string) => string | undefined,
  single: { botToken: string | undefined; SLACK_APP_TOKEN: string | undefined; apiUrl: string },
  problems: string[],
): SlackConfig {
  const required = {
    clientId: 'SLACK_CLIENT_ID',
    clientSecret: 'SLACK_CLIENT_SECRET',
    signingSecret: 'SLACK_SIGNING_SECRET',
    stateSecret: 'SLACK_STATE_SECRET',
    encryptionKey: 'SLACK_TOKEN_ENCRYPTION_KEY',
  } as const;
  const values = Object.fromEntries(
    Object.entries(required).map(([key, name]) => [key, read(name)]),
  ) as Record<keyof typeof required, string | undefined>;
  const before = problems.length;
  for (const [key, name] of Object.entries(required)) {
    if (!values[key as keyof typeof required]) problems.push(`${name}: required for OAuth`);
  }
  for (const key of ['stateSecret', 'encryptionKey'] as const) {
    const value = values[key];
    if (value && value.length < 32) problems.push(`${required[key]}: at least 32 characters`);
  }
  if (single.botToken) {
    problems.push(
      'SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID; OAuth keeps a token per workspace',
    );
  }
  if (single.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: Socket Mode is for one workspace');
  if (problems.length > before) return { enabled: false, reason: 'incomplete' };

  const { clientId, clientSecret, signingSecret, stateSecret, encryptionKey } = values as Record<
    keyof typeof required,
    string
  >;
  return {
    enabled: true,
    mode: 'oauth',
    apiUrl: single.apiUrl,
    clientId,
    clientSecret,
    signingSecret,
    stateSecret,
    encryptionKey,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [variable, ...inner] = issue.path.map(String);
  const where = inner.length > 0 ? `${variable} (at ${inner.join('.')})` : variable;
  return `${where ?? 'environment'}: ${issue.message}`;
}

function describe(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((issue) => issue.message).join('; ');
  return error instanceof Error ? error.message : String(error);
}
