import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '../support/intake-requests.js';
import { createAsker, readBlocks } from '../support/slack-commands.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';

describe('/mendix admin in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  const ask = createAsker(slack, () => app.baseUrl, 'admin');

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0BOSS', { id: 'U0BOSS', name: 'boss', realName: 'Bo Boss', email: null });
    slack.users.set('U0EVE', { id: 'U0EVE', name: 'eve', realName: 'Eve', email: null });
    slack.users.set('U0OWNER', {
      id: 'U0OWNER',
      name: 'owner',
      realName: 'Olga Owner',
      email: null,
      admin: true,
    });
    app = await startSlackTestApp(slack.apiUrl, {
      ADMINS: JSON.stringify({ [TENANT]: ['U0BOSS'] }),
    });
    await ask('help', 'U0EVE');
    await ask('help', 'U0BOSS');
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  const ledgerOf = (member: string) =>
    app.database.collections.ledger.find({ tenant: TENANT, member }).sort({ seq: 1 }).toArray();

  it('awards a one-off activity, booked with the admin and the note', async () => {
    const answer = await ask('admin award <@U0EVE|eve> impact.hackathon_won Spring jam', 'U0BOSS');

    expect(answer.text).toBe('Hackathon won awarded to Eve: +300 points.');
    const [entry] = await ledgerOf('U0EVE');
    expect(entry).toMatchObject({
      kind: 'activity',
      activity: 'impact.hackathon_won',
      applied: 300,
      actor: 'U0BOSS',
      note: 'Spring jam',
      public: true,
    });
    expect((await app.services.figures.findTotals(TENANT, 'U0EVE'))?.total).toBe(300);
  });

  it('refuses a member who is not an admin, changing nothing', async () => {
    const before = await ledgerOf('U0EVE');

    const answers = await Promise.all([
      ask('admin award <@U0EVE> impact.hackathon_won', 'U0EVE'),
      ask('admin penalize <@U0BOSS> 10 spite', 'U0EVE'),
      ask('admin rebuild', 'U0EVE'),
      ask('admin ledger <@U0BOSS>', 'U0EVE'),
    ]);

    for (const answer of answers) expect(answer.text).toMatch(/^Only admins of this community/);
    expect(await ledgerOf('U0EVE')).toEqual(before);
    expect(await ledgerOf('U0BOSS')).toEqual([]);
  });

  it('accepts a workspace admin that Slack reports', async () => {
    const answer = await ask('admin award <@U0EVE> learning.presentation_given', 'U0OWNER');

    expect(answer.text).toBe('Presentation given awarded to Eve: +25 points.');
  });

  it('penalizes with a reason, tells the member by direct message, never below zero', async () => {
    const answer = await ask('admin penalize <@U0EVE> 1000 vote ring', 'U0BOSS');

    expect(answer.text).toBe(
      'Penalty for Eve: -325 points (vote ring). The member was told by direct message.',
    );
    const entry = (await ledgerOf('U0EVE')).at(-1);
    expect(entry).toMatchObject({
      kind: 'penalty',
      activity: null,
      requested: -1000,
      applied: -325,
      limitedBy: 'zero_floor',
      actor: 'U0BOSS',
      note: 'vote ring',
      public: false,
    });
    const totals = await app.services.figures.findTotals(TENANT, 'U0EVE');
    expect(totals).toMatchObject({ total: 0, adjustments: -325 });
    // The member also hears of badges the earlier award earned; the penalty is its own message.
    const penaltyText = 'An admin took 325 points from you: vote ring';
    await expect
      .poll(() => slack.callsTo('/api/chat.postMessage').map((call) => String(call.body.text)))
      .toContain(penaltyText);
    const dm = slack.callsTo('/api/chat.postMessage').find((c) => c.body.text === penaltyText);
    expect(dm?.body.channel).toBe('U0EVE');
  });

  it('tells no one of a penalty that took nothing from a member at zero', async () => {
    expect((await app.services.figures.findTotals(TENANT, 'U0EVE'))?.total).toBe(0);
    const messagesBefore = slack.callsTo('/api/chat.postMessage').length;

    const answer = await ask('admin penalize <@U0EVE> 5 again', 'U0BOSS');

    expect(answer.text).toBe(
      'Penalty for Eve: 0 points (again). They had no points left to take, so they were not told.',
    );
    expect((await ledgerOf('U0EVE')).at(-1)).toMatchObject({ kind: 'penalty', applied: 0 });
    expect(slack.callsTo('/api/chat.postMessage')).toHaveLength(messagesBefore);
  });

  it('penalizes silently without a direct message', async () => {
    await postEvents(app.baseUrl, {
      id: 'admin-test-1',
      activity: 'community.answer_accepted',
      member: 'U0EVE',
      occurredAt: new Date().toISOString(),
    });
    const messagesBefore = slack.callsTo('/api/chat.postMessage').length;

    const answer = await ask('admin penalize <@U0EVE> 5 gaming --silent', 'U0BOSS');

    expect(answer.text).toBe(
      'Penalty for Eve: -5 points (gaming). Silent: the member was not told.',
    );
    expect((await app.services.figures.findTotals(TENANT, 'U0EVE'))?.total).toBe(10);
    expect(slack.callsTo('/api/chat.postMessage')).toHaveLength(messagesBefore);
  });

  it('never takes a total below zero, even with penalties given at the same moment', async () => {
    slack.users.set('U0PAT', { id: 'U0PAT', name: 'pat', realName: 'Pat', email: null });
    await ask('help', 'U0PAT');
    await ask('admin award <@U0PAT> impact.hackathon_attended', 'U0BOSS');
    await ask('admin award <@U0PAT> impact.hackathon_attended', 'U0BOSS');

    await Promise.all(
      ['one', 'two', 'three'].map((reason) =>
        ask(`admin penalize <@U0PAT> 60 ${reason} --silent`, 'U0BOSS'),
      ),
    );

    const penalties = (await ledgerOf('U0PAT')).filter((entry) => entry.kind === 'penalty');
    expect(penalties).toHaveLength(3);
    expect(penalties.reduce((sum, entry) => sum + entry.applied, 0)).toBe(-100);
    expect(await app.services.figures.findTotals(TENANT, 'U0PAT')).toMatchObject({
      total: 0,
      adjustments: -100,
    });
  });

  it('lists the newest ledger entries with reasons and who booked them', async () => {
    const answer = await ask('admin ledger <@U0EVE>', 'U0BOSS');
    const text = readBlocks(answer.blocks);

    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Ledger: Eve' } });
    expect(text).toContain('Total 10 points');
    expect(text).toMatch(/#6 · .* UTC · Penalty · −5\n_by U0BOSS “gaming”_/);
    expect(text).toMatch(/#4 · .* · Penalty · \+0 of −5 · the total does not go below zero/);
    expect(text).toMatch(/#3 · .* · Penalty · −325 of −1,000 · the total does not go below zero/);
    expect(text).toMatch(/#1 · .* · Hackathon won · \+300\n_by U0BOSS “Spring jam”_/);
  });

  it('rebuilds the figures from the ledger', async () => {
    await app.database.collections.memberScores.updateOne(
      { _id: `${TENANT}|U0EVE` },
      { $set: { total: 9999 } },
    );

    const answer = await ask('admin rebuild', 'U0BOSS');

    expect(answer.text).toMatch(/^Figures rebuilt from the ledger for \d+ member\(s\); [1-9]/);
    expect((await app.services.figures.findTotals(TENANT, 'U0EVE'))?.total).toBe(10);
  });

  it.each([
    ['admin award <@U0EVE> impact.teleport', '“impact.teleport” is not an activity to award'],
    ['admin award <@U0EVE> community.downvote_cast', 'is not an activity to award'],
    ['admin award someone impact.hackathon_won', 'Write it as: admin award @member'],
    ['admin penalize <@U0EVE> -5 because', 'A penalty takes a whole number of points'],
    ['admin penalize <@U0EVE> 5', 'Write it as: admin penalize @member &lt;points&gt;'],
    ['admin fly', 'I don’t know the admin command “fly”'],
  ])('answers %j with what is wrong, booking nothing', async (text, problem) => {
    const before = await ledgerOf('U0EVE');

    const answer = await ask(text, 'U0BOSS');

    expect(readBlocks(answer.blocks)).toContain(problem);
    expect(await ledgerOf('U0EVE')).toEqual(before);
  });

  it('says that a member without a profile has none, booking nothing', async () => {
    const answer = await ask('admin award <@U0NOBODY> impact.hackathon_won', 'U0BOSS');

    expect(answer.text).toBe('<@U0NOBODY> has no profile yet.');
    expect(await ledgerOf('U0NOBODY')).toEqual([]);
  });
});
