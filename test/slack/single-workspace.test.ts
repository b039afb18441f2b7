/**
 * One bot token, one workspace: the app answers the workspace auth.test names and nothing else,
 * whatever team a correctly signed request names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { NOT_READY_TEXT, OTHER_WORKSPACE_TEXT } from '../../src/slack/workspace-guard.js';
import { ManualClock } from '../support/clock.js';
import { buildConfig } from '../support/database.js';
import { RecordingLogger } from '../support/recording-logger.js';
import { createAsker } from '../support/slack-commands.js';
import { postViewSubmission } from '../support/slack-interactions.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import {
  postButtonClick,
  postSlackEvent,
  postSlashCommand,
  SIGNING_SECRET,
  type SlashCommandInput,
} from '../support/slack-requests.js';

const OWN = { team: 'T0TEST', tenant: 'slack:T0TEST' };
const OTHER = { team: 'TOTHER', tenant: 'slack:TOTHER' };
const ADMIN = 'U0ADMIN';
const BUZZ = 'C0BUZZ';
const REFUSED = 'slack request from another workspace refused';
const HANDLED = 'slack event handled';

/** The app's clock; Slack timestamps below are seconds after it. */
const START = new Date('2026-03-10T12:00:00Z');

function buildTs(seconds: number, sequence: number): string {
  return `${START.getTime() / 1000 + seconds}.${String(sequence).padStart(6, '0')}`;
}

interface Started {
  app: RunningApp;
  baseUrl: string;
}

async function startSingleTokenApp(slack: SlackRecorder, logger: RecordingLogger) {
  const config = buildConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    ADMINS: JSON.stringify({ [OWN.tenant]: [ADMIN] }),
  });
  const app = await startApp(config, { logger, clock: new ManualClock(START) });
  return { app, baseUrl: `http://127.0.0.1:${app.port}` };
}

/** Every stored document, in any collection, that names the id. */
async function findStoredNaming(app: RunningApp, id: string): Promise<string[]> {
  const found: string[] = [];
  for (const { name } of await app.database.db.listCollections().toArray()) {
    const documents = await app.database.db.collection(name).find({}).toArray();
    for (const document of documents) {
      if (JSON.stringify(document).includes(id)) found.push(`${name}/${String(document._id)}`);
    }
  }
  return found;
}

/** Sends `/mendix <text>` and returns the acknowledgement's status and JSON body, if any. */
async function sendCommand(baseUrl: string, input: SlashCommandInput) {
  const response = await postSlashCommand(baseUrl, input);
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as object) : null };
}

describe('a single-token app and another workspace', () => {
  const slack = new SlackRecorder();
  const logger = new RecordingLogger();
  let started: Started;

  beforeAll(async () => {
    await slack.start();
    slack.users.set(ADMIN, { id: ADMIN, name: 'admin', realName: 'Ada Admin', email: null });
    started = await startSingleTokenApp(slack, logger);
  });
  afterAll(async () => {
    await started?.app.stop();
    await slack.stop();
  });

  const asker = createAsker(slack, () => started.baseUrl, 'own');
  /** Sends `/mendix <text>` from the token's own workspace and returns the posted answer. */
  const ask = async (text: string, userId = ADMIN) => JSON.stringify(await asker(text, userId));

  it('answers a command of its own workspace', async () => {
    expect(await ask('profile')).toContain('Ada Admin');

    const { members } = started.app.database.collections;
    expect(await members.countDocuments({ tenant: OWN.tenant })).toBe(1);
  });

  it('refuses a command of another workspace at once and stores nothing of it', async () => {
    const lookups = slack.callsTo('/api/users.info').length;

    const answer = await sendCommand(started.baseUrl, {
      text: 'profile',
      userId: 'U0STRANGER',
      teamId: OTHER.team,
      responseUrl: slack.responseUrl('other-command'),
    });

    expect(answer).toEqual({
      status: 200,
      json: { response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT },
    });
    expect(slack.callsTo('/respond/other-command')).toHaveLength(0);
    expect(slack.callsTo('/api/users.info')).toHaveLength(lookups);
    const { members, ledger } = started.app.database.collections;
    expect(await members.countDocuments({ tenant: OTHER.tenant })).toBe(0);
    expect(await ledger.countDocuments({ tenant: OTHER.tenant })).toBe(0);
    expect(await findStoredNaming(started.app, OTHER.team)).toEqual([]);
    const refusal = logger.lines.find((line) => line.message === REFUSED);
    expect(refusal).toMatchObject({ level: 'warn', fields: { module: 'slack', team: 'TOTHER' } });
  });

  it('drops a buzz post of another workspace in a buzz channel, and books its own', async () => {
    expect(await ask(`admin sources buzz <#${BUZZ}|buzz>`)).toContain('is now a buzz channel');
    const refusals = logger.count([REFUSED]);
    const message = (ts: string) => ({
      type: 'message',
      channel: BUZZ,
      user: 'U0POSTER',
      text: 'hello',
      ts,
      event_ts: ts,
    });

    const other = await postSlackEvent(started.baseUrl, message(buildTs(60, 1)), {
      teamId: OTHER.team,
    });
    expect(other.status).toBe(200);
    await logger.waitForCount([REFUSED], refusals + 1);
    const own = await postSlackEvent(started.baseUrl, message(buildTs(61, 2)));
    expect(own.status).toBe(200);
    await logger.waitForCount([HANDLED], 1);

    const { ledger } = started.app.database.collections;
    expect(await ledger.countDocuments({ tenant: OTHER.tenant })).toBe(0);
    const booked = await ledger.find({ tenant: OWN.tenant, member: 'U0POSTER' }).toArray();
    expect(booked.map((entry) => entry.activity)).toEqual(['platform.buzz_posted']);
    expect(await findStoredNaming(started.app, OTHER.team)).toEqual([]);
  });

  it('publishes no home tab for a member of another workspace and stores nothing', async () => {
    const refusals = logger.count([REFUSED]);

    const response = await postSlackEvent(
      started.baseUrl,
      { type: 'app_home_opened', user: 'U0STRANGER', channel: 'D0X', tab: 'home' },
      { teamId: OTHER.team },
    );

    expect(response.status).toBe(200);
    await logger.waitForCount([REFUSED], refusals + 1);
    expect(slack.callsTo('/api/views.publish')).toHaveLength(0);
    expect(await findStoredNaming(started.app, OTHER.team)).toEqual([]);
  });

  it('runs no button of another workspace and tells the clicker why', async () => {
    const click = await postButtonClick(started.baseUrl, {
      userId: 'U0STRANGER',
      teamId: OTHER.team,
      actionId: 'run_command_0',
      value: 'stats',
      responseUrl: slack.responseUrl('other-click'),
    });

    expect(click.status).toBe(200);
    const answer = (await slack.waitFor('/respond/other-click')).body;
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT });
    expect(slack.callsTo('/respond/other-click')).toHaveLength(1);
    expect(await findStoredNaming(started.app, OTHER.team)).toEqual([]);
    expect(await findStoredNaming(started.app, 'U0STRANGER')).toEqual([]);
  });

  it('refuses its own team id under another enterprise, which would be another tenant', async () => {
    const command = await sendCommand(started.baseUrl, {
      text: 'profile',
      userId: 'U0ENT',
      enterpriseId: 'E0OTHER',
      responseUrl: slack.responseUrl('own-team-other-enterprise'),
    });
    const click = await postButtonClick(started.baseUrl, {
      userId: 'U0ENT',
      enterpriseId: 'E0OTHER',
      actionId: 'run_command_0',
      value: 'stats',
      responseUrl: slack.responseUrl('own-team-other-enterprise-click'),
    });

    expect(command.json).toEqual({ response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT });
    expect(click.status).toBe(200);
    const clicked = (await slack.waitFor('/respond/own-team-other-enterprise-click')).body;
    expect(clicked).toMatchObject({ text: OTHER_WORKSPACE_TEXT });
    expect(await findStoredNaming(started.app, 'E0OTHER')).toEqual([]);
    expect(await findStoredNaming(started.app, 'U0ENT')).toEqual([]);
  });

  it('refuses a form of another workspace in the modal, saving nothing', async () => {
    const answer = await postViewSubmission(started.baseUrl, {
      userId: 'U0STRANGER',
      teamId: OTHER.team,
      metadata: { form: 'settings', key: 'other-form' },
      values: { title: 'Intruder' },
    });

    expect(answer).toMatchObject({
      status: 200,
      json: {
        response_action: 'update',
        view: { blocks: [{ text: { text: OTHER_WORKSPACE_TEXT } }] },
      },
    });
    expect(await findStoredNaming(started.app, 'U0STRANGER')).toEqual([]);
    expect(await findStoredNaming(started.app, 'Intruder')).toEqual([]);
  });

  it('reads a form’s team where its listener does, not from a top-level team id', async () => {
    const answer = await postViewSubmission(started.baseUrl, {
      userId: 'U0SPLIT',
      teamId: OTHER.team,
      metadata: { form: 'settings', key: 'split-form' },
      values: { title: 'Splitter' },
      extra: { team_id: OWN.team },
    });

    expect(answer.json).toMatchObject({ response_action: 'update' });
    expect(await findStoredNaming(started.app, 'U0SPLIT')).toEqual([]);
    expect(await findStoredNaming(started.app, OTHER.team)).toEqual([]);
  });

  it('still runs a button of its own workspace', async () => {
    const click = await postButtonClick(started.baseUrl, {
      userId: ADMIN,
      actionId: 'run_command_0',
      value: 'stats',
      responseUrl: slack.responseUrl('own-click'),
    });

    expect(click.status).toBe(200);
    const answer = JSON.stringify((await slack.waitFor('/respond/own-click')).body);
    expect(answer).toContain('Points by category: Ada Admin');
  });
});

describe('a single-token app that cannot reach Slack at start', () => {
  const slack = new SlackRecorder();
  const logger = new RecordingLogger();
  let started: Started;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0KAY', { id: 'U0KAY', name: 'kay', realName: 'Kay', email: null });
    // Down at start, then a refused token once more on the first request.
    slack.queue('/api/auth.test', { status: 503, body: { ok: false } });
    slack.queue('/api/auth.test', { body: { ok: false, error: 'invalid_auth' } });
    started = await startSingleTokenApp(slack, logger);
  });
  afterAll(async () => {
    await started?.app.stop();
    await slack.stop();
  });

  it('starts, and says in the log that it does not know its workspace yet', async () => {
    const response = await fetch(`${started.baseUrl}/healthz`);

    expect(response.status).toBe(200);
    const unknown = logger.lines.filter((line) => line.message.includes('token unknown'));
    expect(unknown).toMatchObject([{ level: 'warn', fields: { module: 'slack' } }]);
  });

  it('answers “not ready” while the workspace is unknown, storing nothing', async () => {
    const answer = await sendCommand(started.baseUrl, {
      text: 'profile',
      userId: 'U0KAY',
      responseUrl: slack.responseUrl('not-ready'),
    });

    expect(answer.json).toEqual({ response_type: 'ephemeral', text: NOT_READY_TEXT });
    expect(slack.callsTo('/api/auth.test')).toHaveLength(2);
    expect(await started.app.database.collections.members.countDocuments({})).toBe(0);
  });

  it('asks Slack again on the next request, serves its workspace, and keeps the answer', async () => {
    const first = await sendCommand(started.baseUrl, {
      text: 'profile',
      userId: 'U0KAY',
      responseUrl: slack.responseUrl('ready'),
    });
    const other = await sendCommand(started.baseUrl, {
      text: 'profile',
      userId: 'U0STRANGER',
      teamId: OTHER.team,
      responseUrl: slack.responseUrl('ready-other'),
    });

    expect(first).toEqual({ status: 200, json: null });
    expect(JSON.stringify((await slack.waitFor('/respond/ready')).body)).toContain('Kay');
    expect(other.json).toEqual({ response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT });
    expect(slack.callsTo('/api/auth.test')).toHaveLength(3);
  });
});

/** A single-token app whose auth.test answers with `identity`, around one describe. */
function useSingleTokenApp(identity: Record<string, unknown>) {
  const app = { slack: new SlackRecorder(), started: undefined as unknown as Started };
  beforeAll(async () => {
    await app.slack.start();
    app.slack.answers.set('/api/auth.test', {
      ok: true,
      user_id: 'UBOT',
      bot_id: 'BBOT',
      ...identity,
    });
    app.started = await startSingleTokenApp(app.slack, new RecordingLogger());
  });
  afterAll(async () => {
    await app.started?.app.stop();
    await app.slack.stop();
  });
  return app;
}

describe('a single-token app installed org-wide on Enterprise Grid', () => {
  const grid = useSingleTokenApp({ enterprise_id: 'E0GRID', is_enterprise_install: true });

  it('answers every team of its enterprise, as one tenant', async () => {
    for (const [team, userId] of [
      ['T0ONE', 'U0ONE'],
      ['T0TWO', 'U0TWO'],
    ] as const) {
      const name = `grid-${team}`;
      await postSlashCommand(grid.started.baseUrl, {
        text: 'profile',
        userId,
        teamId: team,
        enterpriseId: 'E0GRID',
        responseUrl: grid.slack.responseUrl(name),
      });
      expect(JSON.stringify((await grid.slack.waitFor(`/respond/${name}`)).body)).toContain(
        'level 0',
      );
    }

    const members = await grid.started.app.database.collections.members.find({}).toArray();
    expect(members.map((member) => member.tenant)).toEqual(['slack:E0GRID', 'slack:E0GRID']);
  });

  it('refuses a team of another enterprise, and one outside any', async () => {
    for (const enterpriseId of ['E0ELSE', undefined]) {
      const answer = await sendCommand(grid.started.baseUrl, {
        text: 'profile',
        userId: 'U0STRANGER',
        teamId: 'T0ONE',
        ...(enterpriseId ? { enterpriseId } : {}),
        responseUrl: grid.slack.responseUrl(`grid-other-${enterpriseId}`),
      });

      expect(answer.json).toEqual({ response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT });
    }
    expect(await findStoredNaming(grid.started.app, 'U0STRANGER')).toEqual([]);
    expect(await findStoredNaming(grid.started.app, 'E0ELSE')).toEqual([]);
  });
});

describe('a single-token app of one workspace inside Enterprise Grid', () => {
  const grid = useSingleTokenApp({
    team_id: 'T0TEST',
    enterprise_id: 'E0ORG',
    is_enterprise_install: false,
  });

  it('answers its team as the enterprise’s tenant, and nothing that would split it', async () => {
    await postSlashCommand(grid.started.baseUrl, {
      text: 'profile',
      userId: 'U0GRID',
      enterpriseId: 'E0ORG',
      responseUrl: grid.slack.responseUrl('grid-own'),
    });
    expect(JSON.stringify((await grid.slack.waitFor('/respond/grid-own')).body)).toContain(
      'level 0',
    );

    for (const input of [
      { teamId: 'T0TEST', responseUrl: grid.slack.responseUrl('grid-no-enterprise') },
      {
        teamId: 'T0SISTER',
        enterpriseId: 'E0ORG',
        responseUrl: grid.slack.responseUrl('grid-sister'),
      },
    ]) {
      const answer = await sendCommand(grid.started.baseUrl, {
        text: 'profile',
        userId: 'U0G2',
        ...input,
      });
      expect(answer.json).toEqual({ response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT });
    }

    const members = await grid.started.app.database.collections.members.find({}).toArray();
    expect(members.map((member) => [member.tenant, member.userId])).toEqual([
      ['slack:E0ORG', 'U0GRID'],
    ]);
  });
});
