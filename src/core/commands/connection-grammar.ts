/** The words of connections and referrals: connect, accept, ignore, connections, invite, … */
import { z } from 'zod';

/** A command about connections, invitations or referrals. */
export type ConnectionCommand =
  | { name: 'connect' | 'accept' | 'ignore'; member: string }
  | { name: 'connections' | 'referral' }
  | { name: 'invite'; email: string }
  | { name: 'joined'; code: string };

type Parsed = { ok: true; command: ConnectionCommand } | { ok: false; problem: string };

const MENTION = /^<@([A-Za-z0-9:_.-]{1,128})(?:\|[^>]*)?>$/;

/** Referral codes are base64url; anything else cannot be one. */
const REFERRAL_CODE = /^[A-Za-z0-9_-]{8,64}$/;

/** Slack writes an address typed in a command as `<mailto:a@b.c|a@b.c>`. */
const MAILTO = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/;

const emailSchema = z.email().max(254);

/** Parses a connection command, or returns null when the word is not one. */
export function parseConnectionCommand(name: string, args: string[]): Parsed | null {
  switch (name) {
    case 'connect':
    case 'accept':
    case 'ignore':
      return parseMember(name, args);
    case 'connections':
    case 'referral':
      return args.length === 0 ? ok({ name }) : fail(`“${name}” takes no arguments.`);
    case 'invite':
      return parseEmail(args);
    case 'joined':
      return parseCode(args);
    default:
      return null;
  }
}

function parseMember(name: 'connect' | 'accept' | 'ignore', args: string[]): Parsed {
  const mention = args.length === 1 ? MENTION.exec(args[0]!) : null;
  if (!mention) return fail(`“${name}” takes one @mention of a member.`);
  return ok({ name, member: mention[1]! });
}

function parseEmail(args: string[]): Parsed {
  const usage = '“invite” takes one e-mail address, such as invite someone@example.com.';
  if (args.length !== 1) return fail(usage);
  const address = (MAILTO.exec(args[0]!)?.[1] ?? args[0]!).trim().toLowerCase();
  const checked = emailSchema.safeParse(address);
  if (!checked.success) return fail(`That is not an e-mail address. ${usage}`);
  return ok({ name: 'invite', email: checked.data });
}

function parseCode(args: string[]): Parsed {
  if (args.length === 1 && REFERRAL_CODE.test(args[0]!)) {
    return ok({ name: 'joined', code: args[0]! });
  }
  return fail('“joined” takes the code of the referral link you came through.');
}

function ok(command: ConnectionCommand): Parsed {
  return { ok: true, command };
}

function fail(problem: string): Parsed {
  return { ok: false, problem };
}
