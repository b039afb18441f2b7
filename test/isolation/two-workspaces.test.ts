/**
 * Two Slack workspaces installed through OAuth on one app and one database: nothing of one
 * reaches the other, neither through commands nor through button payloads that name the other
 * workspace's members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '../support/intake-requests.js';
import { readBlocks, type SlackAnswer } from '../support/slack-commands.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick, postSlashCommand } from '../support/slack-requests.js';
import { installWorkspace, OAUTH_ENVIRONMENT } from '../support/slack-oauth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ACME = { team: 'T0ACME', tenant: 'slack:T0ACME', token: 'xoxb-token-of-acme' };
const GLOBEX = { team: 'T0GLOBEX', tenant: 'slack:T0GLOBEX', token: 'xoxb-token-of-globex' };
const SOURCES = [
  { name: 'acme-forum', tenant: ACME.tenant, secret: 'acme-forum-secret-0123' },
  { name: 'globex-forum', tenant: GLOBEX.tenant, secret: 'globex-forum-secret-0123' },
];

describe('two workspaces on one app', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  let count = 0;

  beforeAll(async () => {
    await slack.start();
    for (const [id, name] of [
      ['U0ANN', 'Ann of Acme'],
      ['U0ALF', 'Alf of Acme'],
      ['U0BEN', 'Ben of Globex'],
    ] as const) {
      slack.users.set(id, { id, name: id.toLowerCase(), realName: name, email: null });
    }
    app = await startTestApp({
      ...OAUTH_ENVIRONMENT,
      SLACK_API_URL: slack.apiUrl,
      INTAKE_SOURCES: JSON.stringify(SOURCES),
      ADMINS: JSON.stringify({ [ACME.tenant]: ['U0ANN'], [GLOBEX.tenant]: ['U0BEN'] }),
      LEADERBOARD_REFRESH_SECONDS: '86400',
    });
    for (const workspace of [ACME, GLOBEX]) {
      const installed = await installWorkspace(app.baseUrl, slack, workspace.team, workspace.token);
      expect(installed.status).toBe(200);
    }
    await ask(ACME, 'U0ANN', 'help');
    await ask(ACME, 'U0ALF', 'help');
    await ask(GLOBEX, 'U0BEN', 'help');
    await award(0, 'U0ANN', 'impact.hackathon_won');
    await award(1, 'U0BEN', 'impact.hackathon_attended');
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
  });

  async function ask(workspace: typeof ACME, userId: string, text: string) {
    const name = `isolation-${++count}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      teamId: workspace.team,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as unknown as SlackAnswer;
  }

  async function award(index: number, member: string, activity: string) {
    const source = SOURCES[index]!;
    const event = { id: `iso-${member}`, activity, member, occurredAt: new Date().toISOString() };
    const response = await postEvents(app.baseUrl, event, {
      source: source.name,
      secret: source.secret,
    });
    expect(response.status).toBe(200);
  }

  it('looks each workspace’s members up with that workspace’s own token', () => {
    const tokenOf = (user: string) =>
      slack.callsTo('/api/users.info').find((call) => call.body.user === user)?.token;

    expect(tokenOf('U0ANN')).toBe(ACME.token);
    expect(tokenOf('U0ALF')).toBe(ACME.token);
    expect(tokenOf('U0BEN')).toBe(GLOBEX.token);
  });

  it('shows no profile of a member of the other workspace', async () => {
    const answer = await ask(GLOBEX, 'U0BEN', 'profile <@U0ANN>');

    expect(answer.text).toBe('<@U0ANN> has no profile yet.');
    expect(await app.services.members.findByUserId(GLOBEX.tenant, 'U0ANN')).toBeNull();
  });

  it('ranks each workspace’s members on its own leaderboard only', async () => {
    await app.services.leaderboards.refresh(ACME.tenant);
    await app.services.leaderboards.refresh(GLOBEX.tenant);

    const acme = readBlocks((await ask(ACME, 'U0ALF', 'leaderboard')).blocks);
    const globex = readBlocks((await ask(GLOBEX, 'U0BEN', 'leaderboard')).blocks);

    expect(acme).toContain('Ann of Acme');
    expect(acme).not.toContain('Ben of Globex');
    expect(globex).toContain('Ben of Globex');
    expect(globex).not.toContain('Ann of Acme');
  });

  it('keeps an invitation to its workspace, whatever a forged click from the other says', async () => {
    await ask(ACME, 'U0ANN', 'connect <@U0ALF>');

    const forged = await postButtonClick(app.baseUrl, {
      userId: 'U0ALF',
      teamId: GLOBEX.team,
      actionId: 'invitation_accept',
      value: 'accept <@U0ANN>',
      responseUrl: slack.responseUrl('isolation-forged'),
    });

    expect(forged.status).toBe(200);
    const refusal = (await slack.waitFor('/respond/isolation-forged')).body as { text?: string };
    expect(JSON.stringify(refusal)).toContain('no invitation to you from that member');
    const { connections } = app.database.collections;
    expect(await connections.countDocuments({ tenant: ACME.tenant })).toBe(0);
    expect(await connections.countDocuments({ tenant: GLOBEX.tenant })).toBe(0);
    const pending = readBlocks((await ask(ACME, 'U0ALF', 'connections')).blocks);
    expect(pending).toContain('Ann of Acme');
    const elsewhere = readBlocks((await ask(GLOBEX, 'U0BEN', 'connections')).blocks);
    expect(elsewhere).not.toContain('Ann of Acme');
    expect(elsewhere).not.toContain('Alf of Acme');
  });

  it('lists each workspace’s digests to its own admins only', async () => {
    await ask(ACME, 'U0ANN', 'digest subscribe all 09:00 UTC');

    const acme = await ask(ACME, 'U0ANN', 'digest list');
    const globex = await ask(GLOBEX, 'U0BEN', 'digest list');

    expect(readBlocks(acme.blocks) + acme.text).toContain('09:00');
    expect(readBlocks(globex.blocks) + globex.text).not.toContain('09:00');
    expect(await app.services.digestSubscriptions.listByTenant(GLOBEX.tenant)).toEqual([]);
  });
});
