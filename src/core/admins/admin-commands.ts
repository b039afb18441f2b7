/**
 * The admin commands (SPEC §2, §4, §12): one-off awards, penalties, a member's ledger and the
 * rebuild of figures. Every change is a ledger entry naming the admin; others change nothing.
 */
import { randomUUID } from 'node:crypto';
import type { MemberAdminCommand } from '../commands/member-admin-grammar.js';
import type { MemberRepository } from '../members/ports.js';
import type { MemberNotifier } from '../notifications/member-notifier.js';
import type { View } from '../profile/profile-view.js';
import type { LimitReason } from '../scoring/book-points.js';
import { SYSTEM_SOURCE, toEventKey, type LedgerEntry } from '../scoring/ledger-entry.js';
import type { FiguresRepository, LedgerRepository } from '../scoring/ports.js';
import { rebuildFigures } from '../scoring/rebuild-figures.js';
import type { Scoring } from '../scoring/record-activity.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { ActivityCatalog } from '../catalog/activity-catalog.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import type { AdminLedgerRow } from './admin-view.js';

/** Entries `admin ledger` shows. */
const LEDGER_ROWS = 15;

const LIMIT_TEXT: Record<LimitReason, string> = {
  self_directed: 'nothing for one’s own activity',
  already_given: 'given once only, and already given',
  no_company: 'needs a company',
  daily_cap: 'daily cap reached',
  zero_floor: 'the total does not go below zero',
  already_reversed: 'already taken back',
};

export interface AdminCommandsOptions {
  scoring: Scoring;
  ledger: LedgerRepository;
  figures: FiguresRepository;
  members: MemberRepository;
  tenants: TenantDirectory;
  notifier: MemberNotifier;
  clock: Clock;
  logger: Logger;
}

/** Who asks, in which tenant. */
interface Asker {
  tenant: string;
  userId: string;
}

/** Answers an admin command; a member who is not an admin is refused before anything runs. */
export type AnswerAdminCommand = (asker: Asker, command: MemberAdminCommand) => Promise<View>;

export function createAdminCommands(options: AdminCommandsOptions): AnswerAdminCommand {
  const { scoring, ledger, members, tenants, notifier, clock } = options;
  const logger = options.logger.child({ module: 'admin' });

  async function award(asker: Asker, command: Extract<MemberAdminCommand, { action: 'award' }>) {
    const { catalog } = await tenants.get(asker.tenant);
    const activity = catalog.get(command.activity);
    if (!activity || activity.points <= 0) return unknownActivity(command.activity, catalog);
    const member = await members.findByUserId(asker.tenant, command.subject);
    if (!member) return noProfile(command.subject);

    const eventId = `admin-award/${randomUUID()}`;
    const result = await scoring.recordActivity({
      tenant: asker.tenant,
      source: SYSTEM_SOURCE,
      eventId,
      activity: activity.key,
      member: { kind: 'user', userId: member.userId },
      actor: { kind: 'user', userId: asker.userId },
      occurredAt: clock.now(),
      reverses: null,
      public: true,
      meta: null,
      note: command.note,
    });
    const entry = await newestOf(asker.tenant, member.userId);
    const name = member.displayName ?? member.userId;
    logger.info(
      { tenant: asker.tenant, member: member.userId, activity: activity.key, admin: asker.userId },
      'admin award booked',
    );
    const own = entry?.eventKey === toEventKey(SYSTEM_SOURCE, eventId) ? entry : null;
    const limited = own?.limitedBy ? ` (${LIMIT_TEXT[own.limitedBy]})` : '';
    return notice(
      `${activity.label} awarded to ${name}: ${signed(result.applied)} points${limited}.`,
    );
  }

  async function penalize(
    asker: Asker,
    command: Extract<MemberAdminCommand, { action: 'penalize' }>,
  ) {
    const member = await members.findByUserId(asker.tenant, command.subject);
    if (!member) return noProfile(command.subject);

    const result = await scoring.recordPenalty({
      tenant: asker.tenant,
      member: member.userId,
      points: command.points,
      reason: command.reason,
      actor: asker.userId,
      eventId: `admin-penalty/${randomUUID()}`,
      occurredAt: clock.now(),
    });
    logger.info(
      { tenant: asker.tenant, member: member.userId, admin: asker.userId, silent: command.silent },
      'penalty booked',
    );

    const name = member.displayName ?? member.userId;
    const taken = `Penalty for ${name}: ${signed(result.applied)} points (${command.reason}).`;
    if (command.silent) return notice(`${taken} Silent: the member was not told.`);
    // A penalty that took nothing (the total was 0 already) is no news for the member.
    if (result.applied === 0) return notice(`${taken} ${NOTHING_TAKEN}`);
    const told = await notifier.notify(asker.tenant, member.userId, {
      kind: 'notice',
      message: `An admin took ${Math.abs(result.applied)} points from you: ${command.reason}`,
      actions: [],
    });
    return notice(`${taken} ${told ? 'The member was told by direct message.' : NOT_TOLD}`);
  }

  async function showLedger(asker: Asker, subject: string): Promise<View> {
    const member = await members.findByUserId(asker.tenant, subject);
    if (!member) return noProfile(subject);

    const [entries, totals, { catalog }] = await Promise.all([
      ledger.listNewest(asker.tenant, subject, { limit: LEDGER_ROWS }),
      options.figures.findTotals(asker.tenant, subject),
      tenants.get(asker.tenant),
    ]);
    return {
      kind: 'admin_ledger',
      subject: { userId: subject, displayName: member.displayName ?? subject },
      total: totals?.total ?? 0,
      rows: entries.map((entry) => toLedgerRow(entry, catalog)),
      actions: [],
    };
  }

  async function rebuild(asker: Asker): Promise<View> {
    const { members: count, mismatches } = await rebuildFigures(asker.tenant, {
      ...options,
      logger,
    });
    logger.info({ tenant: asker.tenant, admin: asker.userId }, 'admin rebuild run');
    return notice(
      `Figures rebuilt from the ledger for ${count} member(s); ` +
        `${mismatches.length} stored figure(s) were corrected.`,
    );
  }

  async function newestOf(tenant: string, member: string): Promise<LedgerEntry | null> {
    const [newest] = await ledger.listNewest(tenant, member, { limit: 1 });
    return newest ?? null;
  }

  // The admin check is answer-admin's, in front of every admin command.
  return async (asker, command) => {
    switch (command.action) {
      case 'award':
        return award(asker, command);
      case 'penalize':
        return penalize(asker, command);
      case 'ledger':
        return showLedger(asker, command.subject);
      case 'rebuild':
        return rebuild(asker);
    }
  };
}

/** One-off activities admins award most (SPEC §12). */
const AWARD_EXAMPLES = [
  'impact.hackathon_won',
  'impact.hackathon_runner_up',
  'impact.mvp_status_reached',
  'learning.presentation_given',
  'learning.blog_post_featured',
];

const NOT_TOLD = 'The member could not be told by direct message.';
const NOTHING_TAKEN = 'They had no points left to take, so they were not told.';

function toLedgerRow(entry: LedgerEntry, catalog: ActivityCatalog): AdminLedgerRow {
  const label = entry.activity ? (catalog.get(entry.activity)?.label ?? entry.activity) : null;
  const description =
    entry.kind === 'penalty'
      ? 'Penalty'
      : entry.kind === 'reversal'
        ? `Taken back: ${label}`
        : (label ?? 'Activity');
  return {
    seq: entry.seq,
    description,
    requested: entry.requested,
    applied: entry.applied,
    limited: entry.limitedBy ? LIMIT_TEXT[entry.limitedBy] : null,
    actor: entry.actor,
    note: entry.note,
    recordedAt: entry.recordedAt,
  };
}

function unknownActivity(key: string, catalog: ActivityCatalog): View {
  const examples = AWARD_EXAMPLES.filter((example) => catalog.has(example));
  return notice(`“${key}” is not an activity to award. Try one of: ${examples.join(', ')}.`);
}

function noProfile(userId: string): View {
  return { kind: 'no_profile', userId };
}

function notice(message: string): View {
  return { kind: 'notice', message, actions: [] };
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}
