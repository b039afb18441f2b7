/**
 * The product as a new user runs it: its own process on the embedded database it starts
 * itself, events through the intake API, then `/mendix profile` signed as Slack signs it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/db/ferretdb/embedded-ferretdb.js';
import { launchAppProcess, startAppProcess, type AppProcess } from '../support/app-process.js';
import { FORUM_SOURCE, postEvents } from '../support/intake-requests.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';

describe('the product end to end', () => {
  const slack = new SlackRecorder();
  let dataDir: string;
  let app: AppProcess;

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0GRACE', {
      id: 'U0GRACE',
      name: 'grace',
      realName: 'Grace Hopper',
      email: 'grace@gmail.com',
    });
    dataDir = await mkdtemp(path.join(tmpdir(), 'profile-bot-e2e-'));
    app = await startAppProcess({
      DATA_DIR: dataDir,
      INTAKE_SOURCES: JSON.stringify([FORUM_SOURCE]),
      SLACK_BOT_TOKEN: 'xoxb-e2e-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows the level, points and split that a stream of events earned', async () => {
    const now = Date.now();
    const stream = [
      ...Array.from({ length: 8 }, (_, i) => ['community.upvote_received', `up-${i}`]),
      ['community.answer_accepted', 'acc-1'],
      ['community.answer_accepted', 'acc-2'],
      ['marketplace.app_published', 'app-1'],
      ...Array.from({ length: 7 }, (_, i) => ['marketplace.review_added', `rev-${i}`]),
      ['learning.expert_certification', 'cert-1'],
      ['learning.expert_certification', 'cert-2'],
      ['impact.hackathon_runner_up', 'hack-1'],
      ['community.downvote_received', 'down-1'],
    ].map(([activity, id], index) => ({
      id,
      activity,
      member: index % 2 ? 'U0GRACE' : 'grace@gmail.com',
      occurredAt: new Date(now - 60_000 + index).toISOString(),
    }));
    for (let start = 0; start < stream.length; start += 5) {
      const response = await postEvents(app.baseUrl, { events: stream.slice(start, start + 5) });
      expect(response.status).toBe(200);
    }
    const redelivery = await postEvents(app.baseUrl, { events: stream.slice(0, 5) });
    expect(redelivery.json.results).toHaveLength(5);

    const ack = await postSlashCommand(app.baseUrl, {
      text: 'profile',
      userId: 'U0GRACE',
      responseUrl: slack.responseUrl('e2e-profile'),
    });
    expect(ack.status).toBe(200);
    const answer = (await slack.waitFor('/respond/e2e-profile')).body as {
      text: string;
      blocks: { text?: { text: string }; fields?: { text: string }[] }[];
    };

    // upvotes 50 (capped) + accepted 30 − downvote 2 = 78; app 50 + reviews 25 = 75;
    // expert certification once 100; runner-up 150: 403 points, level 1, 97 to level 2.
    const text = answer.blocks
      .flatMap((block) => [block.text?.text, ...(block.fields ?? []).map((f) => f.text)])
      .join('\n');
    expect(answer.text).toBe('Grace Hopper: level 1, 403 points');
    expect(text).toContain('*Points*\n403');
    expect(text).toContain('97 points to level 2');
    expect(text).toMatch(/Community\s+▰{5}▱{5}\s+78/);
    expect(text).toMatch(/Marketplace\s+▰{5}▱{5}\s+75/);
    expect(text).toMatch(/Learning\s+▰{7}▱{3}\s+100/);
    expect(text).toMatch(/Impact\s+▰{10}\s+150/);
    expect(text).toMatch(/Platform\s+▱{10}\s+0/);
  });

  it('says at start-up which chat platforms run and how', () => {
    expect(app.output()).toContain('slack listening over HTTP');
    expect(app.output()).toContain('in local mode without authentication');
  });

  it('stops on SIGTERM with exit code 0', async () => {
    expect(await app.stop()).toBe(0);
    expect(app.output()).toContain('stopped');
  });

  it('stops cleanly on SIGTERM during start-up, leaving no database process behind', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'profile-bot-early-stop-'));
    const launched = await launchAppProcess({ DATA_DIR: folder });
    while (!launched.output().includes('embedded database started')) {
      if (launched.child.exitCode !== null) throw new Error(launched.output());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const databasePid = Number(
      /"pid":(\d+)[^\n]*embedded database started/.exec(launched.output())![1],
    );

    launched.child.kill('SIGTERM');

    expect(await launched.exited).toBe(0);
    expect(launched.output()).toContain('stopping once start-up is done');
    expect(isAlive(databasePid)).toBe(false);
    const again = await startAppProcess({ DATA_DIR: folder });
    expect(await again.stop()).toBe(0);
    await rm(folder, { recursive: true, force: true });
  });
});
