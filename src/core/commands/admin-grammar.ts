/**
 * The admin subcommands of the shared grammar: `admin <subcommand> ...`. Each subcommand is one
 * case of `parseAdminCommand`, so that adding one is adding a case and a help line.
 */

/** What an admin asks for. */
export type AdminCommand =
  | { action: 'award'; subject: string; activity: string; note: string | null }
  | { action: 'penalize'; subject: string; points: number; reason: string; silent: boolean }
  | { action: 'ledger'; subject: string }
  | { action: 'rebuild' }
  | { action: 'help' };

export type AdminParseResult = { ok: true; admin: AdminCommand } | { ok: false; problem: string };

/** How each admin subcommand is written, for usage messages. */
export const ADMIN_USAGE: readonly string[] = [
  'admin award @member <activity key> [note]',
  'admin penalize @member <points> <reason> [--silent]',
  'admin ledger @member',
  'admin rebuild',
];

/** Longest note or reason kept with a ledger entry. */
export const MAX_ADMIN_NOTE = 300;

/** Most points one penalty takes away. */
export const MAX_PENALTY_POINTS = 100_000;

const MENTION = /^<@([A-Za-z0-9:_.-]{1,128})(?:\|[^>]*)?>$/;
const SILENT_FLAG = '--silent';

/** Parses the words after `admin`. */
export function parseAdminCommand(args: string[]): AdminParseResult {
  const [word = '', ...rest] = args;
  switch (word.toLowerCase()) {
    case '':
      return ok({ action: 'help' });
    case 'award':
      return parseAward(rest);
    case 'penalize':
    case 'penalise':
      return parsePenalty(rest);
    case 'ledger':
      return parseLedger(rest);
    case 'rebuild':
      return rest.length === 0 ? ok({ action: 'rebuild' }) : usage('rebuild');
    default:
      return fail(`“admin” takes one of: ${ADMIN_USAGE.join('; ')}.`);
  }
}

function parseAward(args: string[]): AdminParseResult {
  const [mention = '', activity, ...noteWords] = args;
  const subject = toSubject(mention);
  if (!subject || !activity) return usage('award');

  const note = noteWords.join(' ');
  if (note.length > MAX_ADMIN_NOTE) return fail(`The note is longer than ${MAX_ADMIN_NOTE}.`);
  return ok({ action: 'award', subject, activity: activity.toLowerCase(), note: note || null });
}

function parsePenalty(args: string[]): AdminParseResult {
  const silent = args.includes(SILENT_FLAG);
  const [mention = '', pointsText = '', ...reasonWords] = args.filter((a) => a !== SILENT_FLAG);
  const subject = toSubject(mention);
  const points = /^\d{1,6}$/.test(pointsText) ? Number(pointsText) : NaN;
  const reason = reasonWords.join(' ');
  if (!subject || reason === '') return usage('penalize');
  if (!(points >= 1 && points <= MAX_PENALTY_POINTS)) {
    return fail(`A penalty takes a whole number of points from 1 to ${MAX_PENALTY_POINTS}.`);
  }
  if (reason.length > MAX_ADMIN_NOTE) return fail(`The reason is longer than ${MAX_ADMIN_NOTE}.`);
  return ok({ action: 'penalize', subject, points, reason, silent });
}

function parseLedger(args: string[]): AdminParseResult {
  const subject = args.length === 1 ? toSubject(args[0]!) : null;
  return subject ? ok({ action: 'ledger', subject }) : usage('ledger');
}

function toSubject(word: string): string | null {
  return MENTION.exec(word)?.[1] ?? null;
}

function usage(action: string): AdminParseResult {
  const line = ADMIN_USAGE.find((text) => text.startsWith(`admin ${action}`))!;
  return fail(`Write it as: ${line}`);
}

function ok(admin: AdminCommand): AdminParseResult {
  return { ok: true, admin };
}

function fail(problem: string): AdminParseResult {
  return { ok: false, problem };
}
