/**
 * The leaderboard at community scale: members and ledger entries written straight into the
 * database, then the background refresh and `/mendix leaderboard` answers timed on top of them.
 */
import { performance } from 'node:perf_hooks';
import type { RunningApp } from '../../src/app.js';
import { CATEGORIES } from '../../src/core/catalog/activity-catalog.js';
import type { RecentDays } from '../../src/core/leaderboards/standings.js';
import { addDays, toLocalDay } from '../../src/core/shared/calendar.js';
import { toDocumentId } from '../../src/db/collections.js';
import type { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand } from '../support/slack-requests.js';

const MEMBERS = Number(process.env.BENCH_LEADERBOARD_MEMBERS ?? 50_000);
const LEDGER_ENTRIES = Number(process.env.BENCH_LEADERBOARD_LEDGER ?? 2_000_000);
const REQUESTS = 100;
// The workspace the bench's one bot token belongs to (the recorder's auth.test names it): the app
// answers no other. The few hundred members the earlier measurements score share it.
const TEAM = 'T0TEST';
const TENANT = `slack:${TEAM}`;
const BATCH = 1000;

export async function measureLeaderboard(
  app: RunningApp,
  baseUrl: string,
  slack: SlackRecorder,
  percentile: (values: number[], p: number) => string,
): Promise<void> {
  const seeding = performance.now();
  await seedMembers(app);
  await seedLedger(app);
  const seedSeconds = (performance.now() - seeding) / 1000;

  const refreshStarted = performance.now();
  await app.services.leaderboards.refresh(TENANT);
  const refreshSeconds = (performance.now() - refreshStarted) / 1000;

  const scopes = ['', 'community', 'company acme-7'];
  const acks: number[] = [];
  const answers: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const name = `leaderboard-${i}`;
    const started = performance.now();
    await postSlashCommand(baseUrl, {
      text: `leaderboard ${scopes[i % scopes.length]}`.trim(),
      userId: memberId((i * 7919) % MEMBERS),
      teamId: TEAM,
      responseUrl: slack.responseUrl(name),
    });
    acks.push(performance.now() - started);
    await slack.waitFor(`/respond/${name}`);
    answers.push(performance.now() - started);
  }

  console.log(
    `\nLeaderboard over ${MEMBERS} members and ${LEDGER_ENTRIES} ledger entries ` +
      `(seeded in ${seedSeconds.toFixed(0)} s):`,
  );
  console.log(`  background refresh of every board   ${refreshSeconds.toFixed(1)} s`);
  console.log(`  /mendix leaderboard, ${REQUESTS} requests one after another (ms):`);
  console.log(`    to acknowledgement   p50 ${percentile(acks, 50)}  p95 ${percentile(acks, 95)}`);
  console.log(
    `    to the posted answer p50 ${percentile(answers, 50)}  p95 ${percentile(answers, 95)}`,
  );
}

function memberId(index: number): string {
  return `U${String(index).padStart(7, '0')}`;
}

async function seedMembers(app: RunningApp): Promise<void> {
  const { members, memberScores } = app.database.collections;
  const now = new Date();
  const today = toLocalDay(now, 'UTC');

  for (let start = 0; start < MEMBERS; start += BATCH) {
    const indexes = range(start, Math.min(MEMBERS, start + BATCH));
    await members.insertMany(
      indexes.map((index) => ({
        _id: toDocumentId(TENANT, memberId(index)),
        tenant: TENANT,
        userId: memberId(index),
        displayName: `Member ${index}`,
        email: `member${index}@acme-${index % 500}.com`,
        company: { key: `acme-${index % 500}.com`, name: `Acme ${index % 500}` },
        createdAt: now,
        contactCheckedAt: now,
        signupSettled: true,
      })),
    );
    await memberScores.insertMany(
      indexes.map((index) => {
        const recent = recentDays(index, today);
        const total = Object.values(recent).reduce((sum, day) => sum + day.points, 0);
        return {
          _id: toDocumentId(TENANT, memberId(index)),
          tenant: TENANT,
          member: memberId(index),
          seq: LEDGER_ENTRIES / MEMBERS,
          total,
          categories: {},
          adjustments: 0,
          recent,
        };
      }),
    );
  }
}

/** Between one and twenty active days in the last five weeks, with points in two categories. */
function recentDays(index: number, today: string): RecentDays {
  const recent: RecentDays = {};
  const activeDays = 1 + (index % 20);
  for (let day = 0; day < activeDays; day++) {
    const points = ((index * 31 + day * 17) % 40) + 1;
    const category = CATEGORIES[(index + day) % CATEGORIES.length]!;
    recent[addDays(today, -((index + day * 3) % 35))] = {
      points,
      categories: { [category]: points },
    };
  }
  return recent;
}

/** Ledger entries of the size the scoring writes, spread evenly over the members. */
async function seedLedger(app: RunningApp): Promise<void> {
  const { ledger } = app.database.collections;
  const perMember = Math.max(1, Math.floor(LEDGER_ENTRIES / MEMBERS));
  const recordedAt = new Date();

  for (let start = 0; start < LEDGER_ENTRIES; start += BATCH) {
    const documents = range(start, Math.min(LEDGER_ENTRIES, start + BATCH)).map((index) => {
      const member = memberId(Math.floor(index / perMember) % MEMBERS);
      const seq = (index % perMember) + 1;
      return {
        _id: toDocumentId(TENANT, member, String(seq).padStart(12, '0')),
        tenant: TENANT,
        member,
        seq,
        eventKey: `bench/${index}`,
        kind: 'activity' as const,
        activity: 'community.upvote_received',
        category: 'community' as const,
        requested: 10,
        applied: 10,
        limitedBy: null,
        day: toLocalDay(recordedAt, 'UTC'),
        occurredAt: recordedAt,
        recordedAt,
        actor: null,
        reverses: null,
        public: true,
        note: null,
        meta: null,
        figures: {
          total: seq * 10,
          categories: { community: seq * 10 },
          adjustments: 0,
          onceGiven: [],
          days: {},
        },
      };
    });
    await ledger.insertMany(documents, { ordered: false });
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}
