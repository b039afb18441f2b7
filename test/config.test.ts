import { describe, expect, it } from 'vitest';
import { ConfigError, CONFIG_VARIABLES, loadConfig, type Config } from '../src/config.js';

type Environment = Record<string, string>;

const SECRET = 'a-secret-of-32-characters-length';

function buildSource(overrides: Record<string, unknown> = {}) {
  return { name: 'forum', tenant: 'slack:T0TEST', secret: SECRET, ...overrides };
}

function buildEnvironment(overrides: Environment = {}): Environment {
  return { LOG_FORMAT: 'json', ...overrides };
}

function withSources(sources: unknown): Environment {
  return buildEnvironment({ INTAKE_SOURCES: JSON.stringify(sources) });
}

function withOverrides(overrides: unknown): Environment {
  return buildEnvironment({ ACTIVITY_OVERRIDES: JSON.stringify(overrides) });
}

/** The problems loadConfig reports for the environment; fails the test if it reports none. */
function problemsOf(environment: Environment): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError, but the configuration loaded');
}

function slackOf(environment: Environment): Config['slack'] {
  return loadConfig(buildEnvironment(environment)).slack;
}

describe('loadConfig defaults', () => {
  it('fills in every default for an empty environment', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      port: 3000,
      mongodbUri: undefined,
      dataDir: './data',
      intakeSources: [],
      activityOverrides: {},
      publicBaseUrl: 'http://localhost:3000',
      defaultTimeZone: 'UTC',
      logLevel: 'info',
    });
    expect(config.slack.enabled).toBe(false);
  });

  it('picks the log format from the terminal when LOG_FORMAT is unset', () => {
    expect(loadConfig({}).logFormat).toBe(process.stdout.isTTY ? 'pretty' : 'json');
  });

  it('reads every variable that is set', () => {
    const config = loadConfig(
      buildEnvironment({
        PORT: '8080',
        MONGODB_URI: 'mongodb://db.internal:27017',
        DATA_DIR: '/var/lib/profile-bot',
        DEFAULT_TIMEZONE: 'Europe/Amsterdam',
        PUBLIC_BASE_URL: 'https://bot.example.com',
        LOG_LEVEL: 'debug',
        LOG_FORMAT: 'pretty',
      }),
    );

    expect(config).toMatchObject({
      port: 8080,
      mongodbUri: 'mongodb://db.internal:27017',
      dataDir: '/var/lib/profile-bot',
      defaultTimeZone: 'Europe/Amsterdam',
      publicBaseUrl: 'https://bot.example.com',
      logLevel: 'debug',
      logFormat: 'pretty',
    });
  });

  it('treats an empty or blank MONGODB_URI as unset, meaning the embedded database', () => {
    expect(loadConfig(buildEnvironment({ MONGODB_URI: '' })).mongodbUri).toBeUndefined();
    expect(loadConfig(buildEnvironment({ MONGODB_URI: '   ' })).mongodbUri).toBeUndefined();
  });

  it('drops a trailing slash from PUBLIC_BASE_URL and derives it from PORT when unset', () => {
    const set = loadConfig(buildEnvironment({ PUBLIC_BASE_URL: 'https://bot.example.com/' }));
    const unset = loadConfig(buildEnvironment({ PORT: '4000' }));

    expect(set.publicBaseUrl).toBe('https://bot.example.com');
    expect(unset.publicBaseUrl).toBe('http://localhost:4000');
  });

  it('treats variables set to nothing as unset, so that their defaults apply', () => {
    const config = loadConfig(buildEnvironment({ PORT: '', DEFAULT_TIMEZONE: ' ', DATA_DIR: '' }));

    expect(config.port).toBe(3000);
    expect(config.defaultTimeZone).toBe('UTC');
    expect(config.dataDir).toBe('./data');
    expect(config.publicBaseUrl).toBe('http://localhost:3000');
  });
});

describe('loadConfig problems', () => {
  it('lists every problem at once, each naming its variable', () => {
    const problems = problemsOf(
      buildEnvironment({
        PORT: 'eighty',
        DEFAULT_TIMEZONE: 'Mars/Olympus_Mons',
        INTAKE_SOURCES: 'not json',
        LOG_LEVEL: 'loud',
        SLACK_SIGNING_SECRET: 'signing-secret',
      }),
    );

    const variables = problems.map((problem) => problem.split(/[: ]/)[0]);
    expect(variables.sort()).toEqual([
      'DEFAULT_TIMEZONE',
      'INTAKE_SOURCES',
      'LOG_LEVEL',
      'PORT',
      'SLACK_BOT_TOKEN',
    ]);
  });

  it('puts every problem in the error message', () => {
    try {
      loadConfig(buildEnvironment({ PORT: '70000', PUBLIC_BASE_URL: 'nowhere' }));
      expect.unreachable('the configuration should not load');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toContain('2 problem(s)');
      expect((error as ConfigError).message).toMatch(/PORT[\s\S]*PUBLIC_BASE_URL/);
    }
  });

  it.each([
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['an unknown time zone', { DEFAULT_TIMEZONE: 'Europe/Atlantis' }, 'DEFAULT_TIMEZONE'],
    ['an invalid Slack API URL', { SLACK_API_URL: 'not a url' }, 'SLACK_API_URL'],
    ['an invalid public URL', { PUBLIC_BASE_URL: 'bot.example' }, 'PUBLIC_BASE_URL'],
    ['an unknown log level', { LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
  ])('rejects %s', (_case, environment: Environment, variable) => {
    const problems = problemsOf(buildEnvironment(environment));

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable}`));
  });
});

describe('loadConfig Slack mode', () => {
  it('disables Slack with a reason when no Slack variable is set', () => {
    const slack = slackOf({});

    expect(slack.enabled).toBe(false);
    expect(slack.enabled === false && slack.reason).toMatch(/SLACK_BOT_TOKEN/);
  });

  it('treats blank Slack variables as unset', () => {
    expect(slackOf({ SLACK_BOT_TOKEN: '  ', SLACK_SIGNING_SECRET: '' }).enabled).toBe(false);
  });

  it('uses HTTP mode with a bot token and a signing secret', () => {
    const slack = slackOf({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' });

    expect(slack).toEqual({
      enabled: true,
      mode: 'http',
      botToken: 'xoxb-1',
      signingSecret: 'signing-secret',
      apiUrl: 'https://slack.com/api/',
    });
  });

  it('uses Socket Mode when an app token is set, even with a signing secret', () => {
    const slack = slackOf({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_SIGNING_SECRET: 'signing-secret',
    });

    expect(slack).toMatchObject({ enabled: true, mode: 'socket', appToken: 'xapp-1' });
  });

  it('adds a trailing slash to SLACK_API_URL so paths resolve beneath it', () => {
    const slack = slackOf({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'signing-secret',
      SLACK_API_URL: 'http://127.0.0.1:9000/api',
    });

    expect(slack).toMatchObject({ apiUrl: 'http://127.0.0.1:9000/api/' });
  });

  it('asks for the bot token when only other Slack variables are set', () => {
    expect(problemsOf(buildEnvironment({ SLACK_APP_TOKEN: 'xapp-1' }))).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN/),
    ]);
  });

  it('asks for the signing secret in HTTP mode', () => {
    expect(problemsOf(buildEnvironment({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET/),
    ]);
  });

  it('rejects an app token that is not an app-level token', () => {
    const environment = buildEnvironment({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' });

    expect(problemsOf(environment)).toEqual([expect.stringMatching(/^SLACK_APP_TOKEN.*xapp-/)]);
  });
});

describe('loadConfig INTAKE_SOURCES', () => {
  it('reads a valid list of sources', () => {
    const sources = [buildSource(), buildSource({ name: 'academy', tenant: 'teams:abc-123' })];

    expect(loadConfig(withSources(sources)).intakeSources).toEqual(sources);
  });

  it('reports each bad field of each source by its position', () => {
    const problems = problemsOf(
      withSources([
        buildSource({ name: 'Forum', secret: 'short' }),
        buildSource({ name: 'academy', tenant: 'discord:1' }),
      ]),
    );

    expect(problems).toEqual([
      expect.stringMatching(/^INTAKE_SOURCES \(at 0\.name\)/),
      expect.stringMatching(/^INTAKE_SOURCES \(at 0\.secret\)/),
      expect.stringMatching(/^INTAKE_SOURCES \(at 1\.tenant\)/),
    ]);
  });

  it.each(['system', 'slack'])('reserves the name of the product’s own source %s', (name) => {
    const problems = problemsOf(withSources([buildSource({ name })]));

    expect(problems).toEqual([expect.stringMatching(/0\.name.*reserved/)]);
  });

  it('rejects two sources with the same name', () => {
    const problems = problemsOf(withSources([buildSource(), buildSource()]));

    expect(problems).toEqual([expect.stringMatching(/^INTAKE_SOURCES: .*repeat.*forum/)]);
  });

  it.each([
    ['text that is not JSON', '[{"name":'],
    ['a single object instead of a list', JSON.stringify(buildSource())],
  ])('rejects %s', (_case, text) => {
    const problems = problemsOf(buildEnvironment({ INTAKE_SOURCES: text }));

    expect(problems).toEqual([expect.stringMatching(/^INTAKE_SOURCES/)]);
  });
});

describe('loadConfig ACTIVITY_OVERRIDES', () => {
  it('reads valid overrides per tenant', () => {
    const overrides = {
      'slack:T0TEST': { 'community.upvote_received': { points: 12, maxPerDay: null } },
      'teams:abc-123': { 'marketplace.review_added': { maxPerDay: 40 } },
    };

    expect(loadConfig(withOverrides(overrides)).activityOverrides).toEqual(overrides);
  });

  it('rejects an override of an activity the catalog does not hold, naming tenant and key', () => {
    const problems = problemsOf(withOverrides({ 'slack:T1': { 'community.made_up': {} } }));

    expect(problems).toEqual([
      expect.stringMatching(/^ACTIVITY_OVERRIDES \(at slack:T1\).*community\.made_up/),
    ]);
  });

  it('rejects a daily cap on a once-only activity', () => {
    const overrides = { 'slack:T1': { 'impact.profile_completed': { maxPerDay: 5 } } };

    expect(problemsOf(withOverrides(overrides))).toEqual([
      expect.stringMatching(/slack:T1.*once-only/),
    ]);
  });

  it('lists the catalog problems of every tenant together', () => {
    const problems = problemsOf(
      withOverrides({
        'slack:T1': { 'community.made_up': { points: 1 } },
        'slack:T2': { 'impact.profile_completed': { maxPerDay: 5 } },
      }),
    );

    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/slack:T1[\s\S]*slack:T2/);
  });

  it('rejects fields an override may not change', () => {
    const overrides = { 'slack:T1': { 'community.upvote_received': { label: 'Kudos' } } };

    expect(problemsOf(withOverrides(overrides))).toEqual([expect.stringMatching(/label/)]);
  });

  it('lists a bad tenant key and another tenant’s unknown activity together', () => {
    const problems = problemsOf(
      withOverrides({ 'slack:T1': { 'community.made_up': { points: 1 } }, bad: {} }),
    );

    expect(problems).toEqual([
      expect.stringMatching(/at slack:T1.*community\.made_up/),
      expect.stringMatching(/at bad\).*not a tenant id/),
    ]);
  });

  it('reports a cap below one once, at the field', () => {
    const overrides = { 'slack:T2': { 'community.upvote_received': { maxPerDay: 0 } } };

    expect(problemsOf(withOverrides(overrides))).toEqual([
      expect.stringMatching(/slack:T2\.community\.upvote_received\.maxPerDay/),
    ]);
  });

  it('rejects a tenant key that is not a tenant id', () => {
    const problems = problemsOf(withOverrides({ T1: { 'community.upvote_received': {} } }));

    expect(problems).toEqual([expect.stringMatching(/^ACTIVITY_OVERRIDES \(at T1\)/)]);
  });

  it.each([
    ['text that is not JSON', '{'],
    ['a list instead of an object', '[]'],
  ])('rejects %s', (_case, text) => {
    const problems = problemsOf(buildEnvironment({ ACTIVITY_OVERRIDES: text }));

    expect(problems).toEqual([expect.stringMatching(/^ACTIVITY_OVERRIDES/)]);
  });
});

describe('.env.example', () => {
  it('lists every configuration variable under a comment that explains it', async () => {
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(new URL('../.env.example', import.meta.url), 'utf8')).split('\n');

    for (const variable of CONFIG_VARIABLES) {
      const index = lines.findIndex((line) => line.startsWith(`${variable}=`));
      expect(index, variable).toBeGreaterThan(0);
      expect(lines[index - 1], variable).toMatch(/^# \S/);
    }
  });

  it('is a valid configuration as it stands', async () => {
    const { parse } = await import('dotenv');
    const { readFile } = await import('node:fs/promises');
    const example = parse(await readFile(new URL('../.env.example', import.meta.url), 'utf8'));

    expect(loadConfig(example).intakeSources).toEqual([]);
  });
});

describe('loadConfig ADMINS', () => {
  it('reads the admins of each tenant', () => {
    const admins = { 'slack:T0TEST': ['U0ADMIN'], 'teams:abc-123': ['29:1abc'] };

    expect(loadConfig(buildEnvironment({ ADMINS: JSON.stringify(admins) })).admins).toEqual(admins);
  });

  it('names the tenant that is not one and the user id that is not one', () => {
    const admins = { T1: ['U1'], 'slack:T2': ['not a user'] };

    const problems = problemsOf(buildEnvironment({ ADMINS: JSON.stringify(admins) }));

    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/ADMINS \(at T1\)[\s\S]*ADMINS \(at slack:T2\.0\)/);
  });
});

describe('loadConfig Slack OAuth', () => {
  const oauth = {
    SLACK_CLIENT_ID: '1111.2222',
    SLACK_CLIENT_SECRET: 'client-secret',
    SLACK_SIGNING_SECRET: 'signing-secret',
    SLACK_STATE_SECRET: 'state-secret-0123456789-0123456789',
    SLACK_TOKEN_ENCRYPTION_KEY: 'encryption-key-0123456789-0123456789',
  };

  it('turns on OAuth mode with a client id and every secret it needs', () => {
    expect(slackOf(buildEnvironment(oauth))).toMatchObject({ enabled: true, mode: 'oauth' });
  });

  it('lists every missing secret and a single-workspace token set beside it', () => {
    const environment = buildEnvironment({
      SLACK_CLIENT_ID: '1111.2222',
      SLACK_STATE_SECRET: 'short',
      SLACK_BOT_TOKEN: 'xoxb-1',
    });

    const problems = problemsOf(environment);

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SLACK_CLIENT_SECRET: required/),
        expect.stringMatching(/^SLACK_SIGNING_SECRET: required/),
        expect.stringMatching(/^SLACK_TOKEN_ENCRYPTION_KEY: required/),
        expect.stringMatching(/^SLACK_STATE_SECRET: at least 32/),
        expect.stringMatching(/^SLACK_BOT_TOKEN: leave it unset/),
      ]),
    );
  });
});
