/** Reads and appends ledger entries, each member's a gap-free sequence keyed by position. */
import type { LedgerEntry, RecordedEvent } from '../core/scoring/ledger-entry.js';
import { toRecordedEvent } from '../core/scoring/ledger-entry.js';
import type { MemberFigures } from '../core/scoring/member-figures.js';
import type { AppendOutcome } from '../core/scoring/ports.js';
import { BoundedMap } from '../core/shared/bounded-map.js';
import {
  isDuplicateKeyError,
  toDocumentId,
  type Collections,
  type LedgerDocument,
} from './collections.js';

/** Positions are zero-padded so that a member's `_id`s sort in ledger order. */
const SEQ_DIGITS = 12;

/** Members whose newest entry this process remembers. */
const REMEMBERED_MEMBERS = 5000;

/** Entries read at once when walking a member's ledger from the newest back. */
const NEWEST_FIRST_BATCH = 50;

export class LedgerStore {
  readonly #collections: Collections;
  /**
   * The newest entry this process saw per member. Another process may have appended since, so
   * it is only a starting point: the position after it is always looked up.
   */
  readonly #newest = new BoundedMap<string, LedgerEntry>(REMEMBERED_MEMBERS);
  /** The newest position whose figures this process stored per member, saving a read. */
  readonly #published = new BoundedMap<string, number>(REMEMBERED_MEMBERS);

  constructor(collections: Collections) {
    this.#collections = collections;
  }

  /** The member's newest entry, or null when the member has none. */
  async findNewest(tenant: string, member: string): Promise<LedgerEntry | null> {
    const known = this.#newest.get(toDocumentId(tenant, member));
    if (known) {
      const next = await this.findEntry(tenant, member, known.seq + 1);
      if (!next) return known;
      return this.findNewestFrom(tenant, member, next.seq);
    }
    return this.findNewestFrom(tenant, member, await this.newestHint(tenant, member));
  }

  /** The newest position whose figures are stored, as far as this process knows. */
  async publishedSeq(tenant: string, member: string): Promise<number> {
    return this.#published.get(toDocumentId(tenant, member)) ?? this.newestHint(tenant, member);
  }

  /** Notes that the figures of the member are stored up to `seq`. */
  notePublished(tenant: string, member: string, seq: number): void {
    this.#published.set(toDocumentId(tenant, member), seq);
  }

  async findEntry(tenant: string, member: string, seq: number): Promise<LedgerEntry | null> {
    const document = await this.#collections.ledger.findOne({
      _id: toEntryId(tenant, member, seq),
    });
    return document ? toEntry(document) : null;
  }

  /**
   * The member's entries from the newest back, read by `_id` a batch at a time: the embedded
   * database answers only `_id` lookups from an index, so a query on member and position would
   * read the whole ledger. Stop iterating to stop reading.
   */
  async *entriesNewestFirst(tenant: string, member: string): AsyncIterable<LedgerEntry> {
    const newest = await this.findNewest(tenant, member);
    for (let top = newest?.seq ?? 0; top > 0; top -= NEWEST_FIRST_BATCH) {
      const seqs = Array.from({ length: Math.min(NEWEST_FIRST_BATCH, top) }, (_, i) => top - i);
      const entries = await Promise.all(seqs.map((seq) => this.findEntry(tenant, member, seq)));
      for (const entry of entries) if (entry) yield entry;
    }
  }

  /** The position stored figures say is newest; a hint only, never beyond the real newest. */
  async newestHint(tenant: string, member: string): Promise<number> {
    const score = await this.#collections.memberScores.findOne(
      { _id: toDocumentId(tenant, member) },
      { projection: { seq: 1 } },
    );
    return score?.seq ?? 0;
  }

  /**
   * Finds the newest entry by probing positions after the hint, doubling the step and then
   * halving it. Positions have no gaps, so the first missing one ends the sequence.
   */
  async findNewestFrom(tenant: string, member: string, hint: number): Promise<LedgerEntry | null> {
    let present = 0;
    let presentEntry: LedgerEntry | null = null;
    let probe = hint > 0 ? hint : 1;
    let step = 1;
    for (;;) {
      const entry = await this.findEntry(tenant, member, probe);
      if (!entry) break;
      [present, presentEntry] = [probe, entry];
      probe = present + step;
      step *= 2;
    }

    let missing = probe;
    while (missing - present > 1) {
      const middle = Math.floor((present + missing) / 2);
      const entry = await this.findEntry(tenant, member, middle);
      if (entry) [present, presentEntry] = [middle, entry];
      else missing = middle;
    }
    if (presentEntry === null && hint > 1) return this.findNewestFrom(tenant, member, 0);
    if (presentEntry) this.#remember(presentEntry);
    return presentEntry;
  }

  async append(entry: LedgerEntry): Promise<AppendOutcome> {
    const _id = toEntryId(entry.tenant, entry.member, entry.seq);
    try {
      await this.#collections.ledger.insertOne(toLedgerDocument(_id, entry));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const holder = await this.findEntry(entry.tenant, entry.member, entry.seq);
      return holder && holder.eventKey !== entry.eventKey ? 'position_taken' : 'duplicate_event';
    }

    this.#remember(entry);
    await this.#indexEvent(toRecordedEvent(entry));
    return 'appended';
  }

  #remember(entry: LedgerEntry): void {
    const key = toDocumentId(entry.tenant, entry.member);
    const known = this.#newest.get(key);
    if (!known || known.seq < entry.seq) this.#newest.set(key, entry);
  }

  async findRecordedEvent(tenant: string, eventKey: string): Promise<RecordedEvent | null> {
    const document = await this.#collections.ledgerEvents.findOne({
      _id: toDocumentId(tenant, eventKey),
    });
    if (!document) return null;
    const { _id, ...recorded } = document;
    return recorded;
  }

  /**
   * Finds the event in the ledger itself, for when its index entry is missing because the
   * process stopped between the two writes. A scan on the embedded database, so only for that.
   */
  async findRecordedEventInLedger(tenant: string, eventKey: string): Promise<RecordedEvent | null> {
    const indexed = await this.findRecordedEvent(tenant, eventKey);
    if (indexed) return indexed;

    const document = await this.#collections.ledger.findOne({ tenant, eventKey });
    if (!document) return null;
    const recorded = toRecordedEvent(toEntry(document));
    await this.#indexEvent(recorded);
    return recorded;
  }

  async #indexEvent(recorded: RecordedEvent): Promise<void> {
    try {
      const _id = toDocumentId(recorded.tenant, recorded.eventKey);
      await this.#collections.ledgerEvents.insertOne({ _id, ...recorded });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }
}

export function toEntryId(tenant: string, member: string, seq: number): string {
  return toDocumentId(tenant, member, String(seq).padStart(SEQ_DIGITS, '0'));
}

function toEntry(document: LedgerDocument): LedgerEntry {
  const { _id, ...entry } = document;
  return { ...entry, figures: mapCappedKeys(entry.figures, (key) => key.replace(':', '.')) };
}

function toLedgerDocument(_id: string, entry: LedgerEntry): LedgerDocument {
  return { _id, ...entry, figures: mapCappedKeys(entry.figures, (key) => key.replace('.', ':')) };
}

/**
 * Activity keys contain a dot, which the embedded database refuses in field names; stored, the
 * per-activity cap counts use a colon instead.
 */
function mapCappedKeys(figures: MemberFigures, rename: (key: string) => string): MemberFigures {
  const days = Object.fromEntries(
    Object.entries(figures.days).map(([day, dayFigures]) => [
      day,
      {
        ...dayFigures,
        capped: Object.fromEntries(
          Object.entries(dayFigures.capped).map(([key, points]) => [rename(key), points]),
        ),
      },
    ]),
  );
  return { ...figures, days };
}
