/**
 * The admin commands about members' points: `admin award`, `admin penalize`, `admin ledger` and
 * `admin rebuild`. Each is one case of `parseMemberAdminCommand`.
 */

/** What an admin asks about members' points. */
export type MemberAdminCommand =
  | { action: 'award'; subject: string; activity: string; note: string | null }
  | { action: 'penalize'; subject: string; points: number; reason: string; silent: boolean }
  | { action: 'ledger'; subject: string }
  | { action: 'rebuild' };

export type MemberAdminParseResult =
  { ok: true; command: MemberAdminCommand } | { ok: false; problem: string };

/** The words that start a member admin command. */
export const MEMBER_ADMIN_WORDS = ['award', 'penalize', 'penalise', 'ledger', 'rebuild'];

/** How each of these admin commands is written, for usage messages. */
export const MEMBER_ADMIN_USAGE: readonly string[] = [
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

/** Parses the words after `admin`, starting with one of MEMBER_ADMIN_WORDS. */
export function parseMemberAdminCommand(args: string[]): MemberAdminParseResult {
  const [word = '', ...rest] = args;
  switch (word.toLowerCase()) {
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
      return fail(`“admin” takes one of: ${MEMBER_ADMIN_USAGE.join('; ')}.`);
  }
}

function parseAward(args: string[]): MemberAdminParseResult {
  const [mention = '', activity, ...noteWords] = args;
  const subject = toSubject(mention);
  if (!subject || !activity) return usage('award');

  const note = noteWords.join(' ');
  if (note.length > MAX_ADMIN_NOTE) return fail(`The note is longer than ${MAX_ADMIN_NOTE}.`);
  return ok({ action: 'award', subject, activity: activity.toLowerCase(), note: note || null });
}

function parsePenalty(args: string[]): MemberAdminParseResult {
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

function parseLedger(args: string[]): MemberAdminParseResult {
  const subject = args.length === 1 ? toSubject(args[0]!) : null;
  return subject ? ok({ action: 'ledger', subject }) : usage('ledger');
}

function toSubject(word: string): string | null {
  return MENTION.exec(word)?.[1] ?? null;
}

function usage(action: string): MemberAdminParseResult {
  const line = MEMBER_ADMIN_USAGE.find((text) => text.startsWith(`admin ${action}`))!;
  return fail(`Write it as: ${line}`);
}

function ok(command: MemberAdminCommand): MemberAdminParseResult {
  return { ok: true, command };
}

function fail(problem: string): MemberAdminParseResult {
  return { ok: false, problem };
}
