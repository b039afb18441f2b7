/**
 * Two app processes on one database under sustained intake from a third process, with Slack
 * commands alongside, and one instance killed in the middle. Afterwards every accepted event is
 * in the ledger exactly once and the stored figures equal a rebuild from the ledger.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemClock } from '../../src/core/shared/clock.js';
import { silentLogger } from '../../src/core/shared/logger.js';
import { rebuildFigures } from '../../src/core/scoring/rebuild-figures.js';
import { openDatabase, type Database } from '../../src/db/database.js';
import { startAppProcess, type AppProcess } from '../support/app-process.js';
import { buildServices, uniqueDatabaseName } from '../support/database.js';
import { FORUM_SOURCE } from '../support/intake-requests.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { runLoad, type LoadSummary } from '../support/load-generator.js';

const TENANT = FORUM_SOURCE.tenant;
/** Sixty seconds as asked of the product; LOAD_SECONDS shortens it while working on this test. */
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const LOAD_RATE = 40;

describe('two instances under sustained load', () => {
  const slack = new SlackRecorder();
  const databaseName = uniqueDatabaseName('load');
  const instances: AppProcess[] = [];
  let database: Database;

  beforeAll(async () => {
    await slack.start();
    const environment = {
      MONGODB_URI: inject('mongoUri'),
      MONGODB_DATABASE: databaseName,
      INTAKE_SOURCES: JSON.stringify([FORUM_SOURCE]),
      SLACK_BOT_TOKEN: 'xoxb-load',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: 'warn',
    };
    instances.push(await startAppProcess(environment), await startAppProcess(environment));
    database = await openDatabase({
      uri: inject('mongoUri'),
      databaseName,
      dataDir: 'unused',
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop().catch(() => null)));
    await database?.close();
    await slack.stop();
  });

  /** Asks for profiles on the live instances until told to stop; returns the answered count. */
  async function askProfiles(
    live: () => AppProcess[],
    survivor: AppProcess,
    until: Promise<unknown>,
  ) {
    let done = false;
    void until.finally(() => (done = true));
    let answered = 0;
    for (let index = 0; !done; index++) {
      const instance = live()[index % live().length]!;
      const name = `load-profile-${index}`;
      const ack = await postSlashCommand(instance.baseUrl, {
        text: 'profile',
        userId: `ULOAD${String(index % 50).padStart(4, '0')}`,
        responseUrl: slack.responseUrl(name),
      }).catch(() => null);
      // An instance killed between acknowledging a command and answering it loses the
      // answer, as Slack sends a command once; the surviving instance must answer every one.
      if (ack?.status === 200 && instance === survivor) {
        await slack.waitFor(`/respond/${name}`);
        answered++;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return answered;
  }

  it(
    'counts every accepted event exactly once through a crash of one instance',
    async () => {
      const [first, second] = instances as [AppProcess, AppProcess];
      let live = [first, second];
      const load = runLoad({
        targets: [first.baseUrl, second.baseUrl],
        rate: LOAD_RATE,
        seconds: LOAD_SECONDS,
      });
      const crash = new Promise<void>((resolve) =>
        setTimeout(
          async () => {
            live = [first];
            await second.kill();
            resolve();
          },
          (LOAD_SECONDS * 1000) / 3,
        ),
      );
      const profiles = askProfiles(() => live, first, load);

      const [summary, answered] = await Promise.all([load, profiles, crash]).then(
        ([summary, answered]) => [summary, answered] as const,
      );

      expect(summary.failed).toEqual([]);
      expect(answered).toBeGreaterThan(0);
      // A request cut off by the crash may have been recorded before its answer was lost: its
      // retry then answers as a duplicate. Every answer of an event tells the same figures.
      const answers = new Map<string, LoadSummary['accepted'][number]>();
      for (const answer of summary.accepted) {
        const earlier = answers.get(answer.id);
        if (earlier) expect([answer.id, answer.applied]).toEqual([earlier.id, earlier.applied]);
        if (!earlier || !answer.duplicate) answers.set(answer.id, answer);
      }
      expect(answers.size).toBe(Math.round(LOAD_RATE * LOAD_SECONDS));
      const fresh = summary.accepted.filter((answer) => !answer.duplicate);
      expect(new Set(fresh.map((answer) => answer.id)).size).toBe(fresh.length);

      const services = buildServices(database, systemClock);
      for (const answer of answers.values()) {
        const recorded = await services.ledger.findRecordedEvent(TENANT, `forum/${answer.id}`);
        expect(recorded?.applied).toBe(answer.applied);
      }
      const perEvent = await database.collections.ledger
        .aggregate<{ _id: string; entries: number }>([
          { $match: { tenant: TENANT } },
          { $group: { _id: '$eventKey', entries: { $sum: 1 } } },
          { $match: { entries: { $gt: 1 } } },
        ])
        .toArray();
      expect(perEvent).toEqual([]);
      const check = await rebuildFigures(TENANT, {
        ...services,
        logger: silentLogger,
        checkOnly: true,
      });
      expect(check.mismatches).toEqual([]);
    },
    LOAD_SECONDS * 1000 + 180_000,
  );
});
