/** Recomputing totals, category splits and daily sums from the ledger alone (SPEC §4). */
import type { Logger } from '../shared/logger.js';
import type {
  AppliedPoints,
  DailyPoints,
  FiguresRepository,
  LedgerRepository,
  LedgerSums,
  MemberTotals,
} from './ports.js';

/** Adds up ledger entries one at a time into totals per member and points per member and day. */
export class LedgerSummer {
  readonly #totals = new Map<string, MemberTotals>();
  readonly #days = new Map<string, DailyPoints>();

  add(row: AppliedPoints): void {
    const totals = this.#totals.get(row.member) ?? emptyTotals(row.member);
    totals.total += row.applied;
    totals.seq = Math.max(totals.seq, row.seq);
    if (row.kind === 'penalty') totals.adjustments += row.applied;
    if (row.category) addPoints(totals.categories, row.category, row.applied);
    this.#totals.set(row.member, totals);

    const dayKey = `${row.member}|${row.day}`;
    const day = this.#days.get(dayKey) ?? emptyDaily(row.member, row.day);
    day.points += row.applied;
    day.lastSeq = Math.max(day.lastSeq, row.seq);
    if (row.category) addPoints(day.categories, row.category, row.applied);
    this.#days.set(dayKey, day);
  }

  /** The sums so far, ordered by member and day. */
  sums(): LedgerSums {
    return {
      totals: [...this.#totals.values()].sort((a, b) => compare(a.member, b.member)),
      days: [...this.#days.values()].sort(
        (a, b) => compare(a.member, b.member) || compare(a.day, b.day),
      ),
    };
  }
}

/** Sums ledger entries into totals per member and points per member and day. */
export function sumLedger(rows: Iterable<AppliedPoints>): LedgerSums {
  const summer = new LedgerSummer();
  for (const row of rows) summer.add(row);
  return summer.sums();
}

/** A difference between stored figures and the ledger, described for a person. */
export type FigureMismatch = string;

/** Lists where the stored figures differ from the ledger; empty when they agree. */
export function compareSums(stored: LedgerSums, rebuilt: LedgerSums): FigureMismatch[] {
  const totalsKey = (totals: MemberTotals) => totals.member;
  const dayKey = (day: DailyPoints) => `${day.member}|${day.day}`;
  return [
    ...compareByKey(stored.totals, rebuilt.totals, totalsKey, (key) => `totals of ${key}`),
    ...compareByKey(stored.days, rebuilt.days, dayKey, (key) =>
      key.split('|').reverse().join(' of '),
    ),
  ];
}

function compareByKey<T>(
  stored: T[],
  rebuilt: T[],
  keyOf: (item: T) => string,
  describe: (key: string) => string,
): FigureMismatch[] {
  const storedByKey = new Map(stored.map((item) => [keyOf(item), item]));
  const rebuiltKeys = new Set(rebuilt.map(keyOf));
  const differing = rebuilt
    .filter((item) => !isSameJson(storedByKey.get(keyOf(item)), item))
    .map((item) => {
      const key = keyOf(item);
      return `${describe(key)}: stored ${json(storedByKey.get(key))}, ledger ${json(item)}`;
    });
  const stray = stored
    .filter((item) => !rebuiltKeys.has(keyOf(item)))
    .map((item) => `${describe(keyOf(item))}: stored ${json(item)}, the ledger has none`);
  return [...differing, ...stray];
}

export interface RebuildOptions {
  ledger: LedgerRepository;
  figures: FiguresRepository;
  logger: Logger;
}

/**
 * Recomputes a tenant's stored figures from its ledger and, unless only checking, stores them.
 * Returns what differed before. Figures of members who earn points while it runs may be written
 * back older than the ledger: a rebuild takes no lock, because scoring must never wait for one.
 */
export async function rebuildFigures(
  tenant: string,
  options: RebuildOptions & { checkOnly?: boolean },
) {
  const startedAt = Date.now();
  const rebuilt = await sumTenantLedger(tenant, options.ledger);
  const mismatches = compareSums(await options.figures.listAll(tenant), rebuilt);
  if (!options.checkOnly) await options.figures.replaceAll(tenant, rebuilt);

  options.logger.info(
    {
      tenant,
      members: rebuilt.totals.length,
      corrected: mismatches.length,
      durationMs: Date.now() - startedAt,
    },
    options.checkOnly ? 'figures checked' : 'figures rebuilt',
  );
  return { members: rebuilt.totals.length, mismatches };
}

/** Sums a tenant's ledger. */
export async function sumTenantLedger(tenant: string, ledger: LedgerRepository) {
  const summer = new LedgerSummer();
  for await (const row of ledger.streamApplied(tenant)) summer.add(row);
  return summer.sums();
}

function emptyTotals(member: string): MemberTotals {
  return { member, total: 0, categories: {}, adjustments: 0, seq: 0 };
}

function emptyDaily(member: string, day: string): DailyPoints {
  return { member, day, points: 0, categories: {}, lastSeq: 0 };
}

function addPoints(points: Record<string, number>, key: string, amount: number) {
  points[key] = (points[key] ?? 0) + amount;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares figures with keys in any order. */
function isSameJson(a: unknown, b: unknown): boolean {
  return json(a) === json(b);
}

function json(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compare(a, b)))
      : inner,
  );
}
