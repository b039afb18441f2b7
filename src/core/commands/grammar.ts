/**
 * The command grammar both chat platforms share: `/mendix <command>` in Slack, the same words
 * in a message to the bot in Teams. Adapters turn a platform's mention of a member into
 * `<@user-id>` before parsing.
 */

import { parseScopeRequest, type ScopeRequest } from '../leaderboards/scope.js';
import { DIGEST_USAGE, parseDigestCommand, type DigestCommand } from '../digests/digest-command.js';
import { parseAdminCommand, type AdminCommand } from './admin-grammar.js';
import { parseConnectionCommand, type ConnectionCommand } from './connection-grammar.js';
import { parsePortfolioCommand, type PortfolioCommand } from './portfolio-grammar.js';
import { parseBadges, type BadgesRequestCommand } from './badges-grammar.js';

/** A command the bot understands. */
export type Command =
  | { name: 'profile' | 'stats'; subject: string | null }
  | { name: 'leaderboard'; scope: ScopeRequest }
  | DigestCommand
  | ConnectionCommand
  | { name: 'help' }
  | { name: 'settings' }
  | { name: 'activity'; subject: string | null }
  | { name: 'portfolio'; portfolio: PortfolioCommand }
  | BadgesRequestCommand
  | { name: 'challenges'; claim: string | null }
  /** `seen`: the member's credit position the shop was shown at, carried by its button. */
  | { name: 'shop'; order: string | null; seen?: number }
  | { name: 'admin'; admin: AdminCommand };

export type CommandName = Command['name'];

/** How a command is written and what it does, for help and usage messages. */
export interface CommandHelp {
  name: CommandName;
  usage: string;
  description: string;
}

export const COMMAND_HELP: readonly CommandHelp[] = [
  {
    name: 'profile',
    usage: 'profile [@member]',
    description: 'Level, points, credits and connections, yours or a member’s.',
  },
  { name: 'stats', usage: 'stats [@member]', description: 'Points by category.' },
  {
    name: 'leaderboard',
    usage: 'leaderboard [category | company <name> | all]',
    description: 'Top 10 of the last 30 days, and your place.',
  },
  {
    name: 'badges',
    usage: 'badges [@member] [page <n>] | badges feature|unfeature <badge>',
    description: 'Earned badges, badges in progress, and the four you feature.',
  },
  {
    name: 'challenges',
    usage: 'challenges',
    description: 'Open challenges: your progress, the time left and the credits.',
  },
  {
    name: 'shop',
    usage: 'shop',
    description: 'Swag to order with your credits.',
  },
  {
    name: 'connect',
    usage: 'connect @member',
    description: 'Invite a member to connect with you.',
  },
  {
    name: 'connections',
    usage: 'connections',
    description: 'Your connections, invitations and people you may know.',
  },
  { name: 'referral', usage: 'referral', description: 'Your personal link to invite people.' },
  {
    name: 'invite',
    usage: 'invite someone@example.com',
    description: 'Invite someone to the community by e-mail.',
  },
  {
    name: 'digest',
    usage: DIGEST_USAGE,
    description: 'Admins: a daily leaderboard digest in this channel (default 09:00).',
  },
  { name: 'help', usage: 'help', description: 'What you can ask the bot.' },
  {
    name: 'settings',
    usage: 'settings',
    description: 'Edit your personal info; make your profile public or private.',
  },
  {
    name: 'activity',
    usage: 'activity [@member]',
    description: 'The last 20 public events: badges, marketplace, community.',
  },
  {
    name: 'portfolio',
    usage: 'portfolio [@member | add]',
    description: 'Projects you or a member built; add, draft and publish your own.',
  },
  {
    name: 'admin',
    usage: 'admin [subcommand]',
    description: 'Admins only: awards, penalties, sources and more. “admin help” lists them.',
  },
];

export type ParseResult = { ok: true; command: Command } | { ok: false; problem: string };

/** Longest command text looked at; anything longer is not a command. */
const MAX_COMMAND_LENGTH = 500;

const MENTION = /^<@([A-Za-z0-9:_.-]{1,128})(?:\|[^>]*)?>$/;

/** Parses the text after the command word; empty text asks for help. */
export function parseCommand(text: string): ParseResult {
  if (text.length > MAX_COMMAND_LENGTH) return fail('That command is too long.');

  const [word = 'help', ...args] = text.trim().split(/\s+/).filter(Boolean);
  const name = word.toLowerCase();
  switch (name) {
    case 'help':
    case 'settings':
      return args.length === 0 ? ok({ name }) : fail(`“${name}” takes no arguments.`);
    case 'profile':
    case 'stats':
    case 'activity':
      return parseSubject(name, args);
    case 'leaderboard':
      return parseLeaderboard(args);
    case 'badges':
      return parseBadges(args, toMentionedUser);
    case 'challenges':
      return parseChallenges(args);
    case 'shop':
      return parseShop(args);
    case 'admin':
      return parseAdmin(args);
    case 'digest':
      return parseDigest(args);
    case 'portfolio': {
      const parsed = parsePortfolioCommand(args);
      return parsed.ok ? ok({ name, portfolio: parsed.portfolio }) : fail(parsed.problem);
    }
    default: {
      const connection = parseConnectionCommand(name, args);
      if (connection) return connection.ok ? ok(connection.command) : fail(connection.problem);
      return fail(`I don’t know the command “${truncate(word)}”.`);
    }
  }
}

function parseSubject(name: 'profile' | 'stats' | 'activity', args: string[]): ParseResult {
  if (args.length === 0) return ok({ name, subject: null });
  const mention = args.length === 1 ? MENTION.exec(args[0]!) : null;
  if (!mention) return fail(`“${name}” takes one @mention of a member, or nothing.`);
  return ok({ name, subject: mention[1]! });
}

function parseChallenges(args: string[]): ParseResult {
  if (args.length === 0) return ok({ name: 'challenges', claim: null });
  if (args.length === 2 && args[0]!.toLowerCase() === 'claim' && CHALLENGE_ID.test(args[1]!)) {
    return ok({ name: 'challenges', claim: args[1]! });
  }
  return fail('“challenges” takes nothing, or “claim <challenge>” from its button.');
}

function parseShop(args: string[]): ParseResult {
  if (args.length === 0) return ok({ name: 'shop', order: null });
  const isOrder = args.length >= 2 && args[0]!.toLowerCase() === 'order';
  if (isOrder && args.length === 2 && CHALLENGE_ID.test(args[1]!)) {
    return ok({ name: 'shop', order: args[1]! });
  }
  if (isOrder && args.length === 3 && CHALLENGE_ID.test(args[1]!) && SEEN.test(args[2]!)) {
    return ok({ name: 'shop', order: args[1]!, seen: Number(args[2]) });
  }
  return fail('“shop” takes nothing, or “order <item>” from its button.');
}

const CHALLENGE_ID = /^[a-z0-9][a-z0-9-]{0,29}$/;

/** A credit position as a shop button carries it. */
const SEEN = /^\d{1,9}$/;

function toMentionedUser(arg: string): string | null {
  return MENTION.exec(arg)?.[1] ?? null;
}

function parseLeaderboard(args: string[]): ParseResult {
  const scope = parseScopeRequest(args);
  if (scope) return ok({ name: 'leaderboard', scope });
  return fail(
    '“leaderboard” takes a category (community, marketplace, platform, impact, learning), ' +
      '“company <name>” or “all”.',
  );
}

function parseAdmin(args: string[]): ParseResult {
  const parsed = parseAdminCommand(args);
  return parsed.ok ? ok({ name: 'admin', admin: parsed.admin }) : fail(parsed.problem);
}

function parseDigest(args: string[]): ParseResult {
  const parsed = parseDigestCommand(args);
  return typeof parsed === 'string' ? fail(parsed) : ok(parsed);
}

function ok(command: Command): ParseResult {
  return { ok: true, command };
}

function fail(problem: string): ParseResult {
  return { ok: false, problem };
}

/** The word cut to 30 characters, never inside one. */
function truncate(word: string): string {
  const characters = Array.from(word);
  return characters.length > 30 ? `${characters.slice(0, 30).join('')}…` : word;
}

/**
 * Whether the command changes what the member's own dashboard shows (points, credits, badges,
 * connections), so that the dashboard is published again after it.
 */
export function changesOwnDashboard(command: Command): boolean {
  switch (command.name) {
    case 'connect':
    case 'accept':
    case 'invite':
    case 'joined':
      return true;
    case 'badges':
      return command.action !== 'show';
    case 'challenges':
      return command.claim !== null;
    case 'shop':
      return command.order !== null;
    default:
      return false;
  }
}
