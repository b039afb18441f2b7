import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_ADMIN_TEXT } from '../../../src/core/admins/answer-admin.js';
import { compareSums, sumTenantLedger } from '../../../src/core/scoring/rebuild-figures.js';
import type { MessageFacts, SlackReaction } from '../../../src/core/slack-sources/slack-events.js';
import type { Database } from '../../../src/db/database.js';
import type { Services } from '../../../src/services.js';
import { ManualClock } from '../../support/clock.js';
import { buildConfig, buildServices, openTestDatabase } from '../../support/database.js';

const TENANT = 'slack:T0CORE';
const TEAMS_TENANT = 'teams:core-tenant';
const ADMIN = 'U0ADMIN';
const QA = 'C0QA';
const START = new Date('2026-03-10T12:00:00Z');

/** A Slack timestamp `seconds` after the start. */
function buildTs(seconds: number, sequence: number): string {
  return `${START.getTime() / 1000 + seconds}.${String(sequence).padStart(6, '0')}`;
}

describe('Slack-native sources on the real database, as two processes', () => {
  const clock = new ManualClock(START);
  const config = buildConfig({
    ADMINS: JSON.stringify({ [TENANT]: [ADMIN], [TEAMS_TENANT]: [ADMIN] }),
  });
  let database: Database;
  let processes: [Services, Services];
  let sequence = 0;

  beforeAll(async () => {
    database = await openTestDatabase('slack_sources');
    processes = [buildServices(database, clock, config), buildServices(database, clock, config)];
    const view = await processes[0].answerCommand(
      { tenant: TENANT, userId: ADMIN },
      `admin sources qa ${QA}`,
    );
    expect(view).toMatchObject({ kind: 'notice' });
  });
  afterAll(async () => {
    await database.close();
  });

  /** A thread by `starter` with one reply per author, and how Slack describes each reply. */
  function buildThread(starter: string, authors: string[]) {
    const question = buildTs(10, ++sequence);
    return authors.map((author) => {
      const facts: MessageFacts = { author, threadTs: question, threadStarter: starter };
      return { ts: buildTs(20, ++sequence), facts };
    });
  }

  function buildReaction(
    change: SlackReaction['change'],
    reactor: string,
    ts: string,
    reaction: string,
  ) {
    return {
      tenant: TENANT,
      change,
      channel: QA,
      ts,
      reactor,
      reaction,
      eventTs: buildTs(30, ++sequence),
    };
  }

  /** Sends each reaction through one of the two processes, all at once. */
  async function recordAtOnce(reactions: { reaction: SlackReaction; facts: MessageFacts }[]) {
    await Promise.all(
      reactions.map(({ reaction, facts }, index) =>
        processes[index % 2]!.slackActivity.recordReaction(reaction, async () => facts),
      ),
    );
  }

  async function totalOf(member: string): Promise<number> {
    return (await processes[0].figures.findTotals(TENANT, member))?.total ?? 0;
  }

  it('keeps one accepted reply per thread when the asker accepts many at once', async () => {
    const authors = Array.from({ length: 8 }, (_, index) => `U0AUTHOR${index}`);
    const replies = buildThread('U0ASKER', authors);

    await recordAtOnce(
      replies.map(({ ts, facts }) => ({
        reaction: buildReaction('added', 'U0ASKER', ts, 'white_check_mark'),
        facts,
      })),
    );

    const totals = await Promise.all(authors.map(totalOf));
    expect(totals.filter((total) => total === 15)).toHaveLength(1);
    expect(totals.filter((total) => total === 0)).toHaveLength(7);
    expect(await totalOf('U0ASKER')).toBe(2);
  });

  it('takes back every acceptance when acceptances and removals of one thread race', async () => {
    const authors = ['U0RACE1', 'U0RACE2', 'U0RACE3'];
    const replies = buildThread('U0RACER', authors);
    const reactions = replies.flatMap(({ ts, facts }) => [
      { reaction: buildReaction('added', 'U0RACER', ts, 'white_check_mark'), facts },
      { reaction: buildReaction('removed', 'U0RACER', ts, 'white_check_mark'), facts },
    ]);

    await recordAtOnce(reactions);

    // Every reaction was taken back, whatever order the two processes saw them in.
    expect(await Promise.all(authors.map(totalOf))).toEqual([0, 0, 0]);
    expect(await totalOf('U0RACER')).toBe(0);
  });

  it('counts one acceptance delivered many times at once as one', async () => {
    const [reply] = buildThread('U0DUPASK', ['U0DUPANS']);
    const reaction = buildReaction('added', 'U0DUPASK', reply!.ts, 'white_check_mark');

    await recordAtOnce(Array.from({ length: 6 }, () => ({ reaction, facts: reply!.facts })));

    const entries = await database.collections.ledger
      .find({ tenant: TENANT, member: 'U0DUPANS' })
      .toArray();
    expect(entries.map((entry) => entry.applied)).toEqual([15]);
  });

  it('takes back every vote whose removal races its addition', async () => {
    const [reply] = buildThread('U0VOTEASK', ['U0VOTEANS']);
    const voters = ['U0V1', 'U0V2', 'U0V3', 'U0V4', 'U0V5'];

    await recordAtOnce(
      voters.flatMap((voter) => [
        { reaction: buildReaction('added', voter, reply!.ts, '+1'), facts: reply!.facts },
        { reaction: buildReaction('removed', voter, reply!.ts, '+1'), facts: reply!.facts },
      ]),
    );

    expect(await totalOf('U0VOTEANS')).toBe(0);
  });

  it('leaves stored figures equal to the ones rebuilt from the ledger', async () => {
    const rebuilt = await sumTenantLedger(TENANT, processes[0].ledger);

    expect(compareSums(await processes[0].figures.listAll(TENANT), rebuilt)).toEqual([]);
  });

  it('says that sources are set in Slack when a Teams admin asks', async () => {
    const view = await processes[0].answerCommand(
      { tenant: TEAMS_TENANT, userId: ADMIN },
      'admin sources',
    );

    expect(view).toMatchObject({
      kind: 'notice',
      message: expect.stringContaining('Slack workspace'),
    });
  });

  it('refuses a member who is not an admin before reading anything', async () => {
    const view = await processes[1].answerCommand(
      { tenant: TENANT, userId: 'U0NOBODY' },
      `admin sources remove ${QA}`,
    );

    expect(view).toMatchObject({ kind: 'notice', message: NOT_ADMIN_TEXT });
    expect(
      await processes[0].answerCommand({ tenant: TENANT, userId: ADMIN }, 'admin sources'),
    ).toMatchObject({
      message: expect.stringContaining(`Q&A channels: <#${QA}>`),
    });
  });
});
