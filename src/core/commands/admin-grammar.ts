/**
 * The admin commands: `admin <subcommand> ...`. Each subcommand is one case of
 * `AdminCommand` and one parser; `parseAdminCommand` dispatches on the subcommand word.
 */
import type { ChannelRole, EmojiRole } from '../slack-sources/source-settings.js';
import {
  MEMBER_ADMIN_USAGE,
  MEMBER_ADMIN_WORDS,
  parseMemberAdminCommand,
  type MemberAdminCommand,
} from './member-admin-grammar.js';
import {
  COMMUNITY_ADMIN_USAGE,
  COMMUNITY_ADMIN_WORDS,
  parseCommunityAdminCommand,
  type CommunityAdminCommand,
} from './community-admin-grammar.js';

/** What an admin asks about the Slack-native sources. */
export type SourcesRequest =
  | { action: 'show' }
  | { action: 'channel'; role: ChannelRole; channel: string }
  | { action: 'remove'; channel: string }
  | { action: 'emoji'; role: EmojiRole; emoji: string };

/** An admin command; `help` lists the subcommands. */
export type AdminCommand =
  | { subcommand: 'help' }
  | { subcommand: 'sources'; request: SourcesRequest }
  | { subcommand: 'members'; command: MemberAdminCommand }
  | { subcommand: 'community'; command: CommunityAdminCommand };

export type AdminParseResult = { ok: true; admin: AdminCommand } | { ok: false; problem: string };

export const SOURCES_USAGE =
  'admin sources [buzz #channel | qa #channel | remove #channel | ' +
  'upvote :emoji: | downvote :emoji: | accepted :emoji:]';

const MEMBER_ADMIN_DESCRIPTIONS = [
  'Awards a one-off activity (hackathon, MVP, presentation) to a member.',
  'Takes points from a member, with a reason; --silent does not tell them.',
  'The member’s newest ledger entries with their reasons.',
  'Recomputes every member’s figures from the ledger.',
];

/** How each admin subcommand is written and what it does. */
export const ADMIN_HELP: readonly { usage: string; description: string }[] = [
  {
    usage: SOURCES_USAGE,
    description: 'Slack channels and emoji that earn points: buzz posts, votes, accepted answers.',
  },
  ...MEMBER_ADMIN_USAGE.map((usage, index) => ({
    usage,
    description: MEMBER_ADMIN_DESCRIPTIONS[index]!,
  })),
  {
    usage: 'admin challenge add | list | remove | grace …',
    description: `Challenges and their grace period: ${COMMUNITY_ADMIN_USAGE}`,
  },
  {
    usage: 'admin shop add | channel | orders | shipped …',
    description: 'Shop items, the channel that hears of orders, and marking orders shipped.',
  },
];

/** A channel as Slack escapes it (`<#C123|name>`, `<#C123>`) or a bare channel id. */
const CHANNEL = /^(?:<#([CG][A-Z0-9]{2,40})(?:\|[^>]*)?>|([CG][A-Z0-9]{2,40}))$/;

/** An emoji name, with or without colons, as Slack names reactions. */
const EMOJI = /^:?([a-z0-9_+'-]{1,100}?)(?:::skin-tone-\d)?:?$/;

/** Parses the words after `admin`. */
export function parseAdminCommand(args: string[]): AdminParseResult {
  const [word, ...rest] = args;
  switch (word?.toLowerCase()) {
    case undefined:
    case 'help':
      return rest.length === 0 ? ok({ subcommand: 'help' }) : fail('“admin help” takes nothing.');
    case 'sources':
      return parseSources(rest);
    default:
      if (MEMBER_ADMIN_WORDS.includes(word!.toLowerCase())) return parseMembers(args);
      if (COMMUNITY_ADMIN_WORDS.includes(word!.toLowerCase())) return parseCommunity(args);
      return fail(`I don’t know the admin command “${word}”. Try “admin help”.`);
  }
}

function parseMembers(args: string[]): AdminParseResult {
  const parsed = parseMemberAdminCommand(args);
  return parsed.ok ? ok({ subcommand: 'members', command: parsed.command }) : fail(parsed.problem);
}

function parseCommunity(args: string[]): AdminParseResult {
  const parsed = parseCommunityAdminCommand(args);
  return parsed.ok ? ok({ subcommand: 'community', command: parsed.admin }) : fail(parsed.problem);
}

function parseSources(args: string[]): AdminParseResult {
  if (args.length === 0) return sources({ action: 'show' });
  const [word = '', value, ...extra] = args;
  const action = word.toLowerCase();
  if (value === undefined || extra.length > 0) return fail(`Usage: ${SOURCES_USAGE}.`);

  switch (action) {
    case 'buzz':
    case 'qa':
    case 'remove': {
      const channel = toChannelId(value);
      if (!channel) return fail(`“${action}” takes one #channel.`);
      if (action === 'remove') return sources({ action, channel });
      return sources({ action: 'channel', role: action, channel });
    }
    case 'upvote':
    case 'downvote':
    case 'accepted': {
      const emoji = EMOJI.exec(value.toLowerCase())?.[1];
      if (!emoji) return fail(`“${action}” takes one :emoji:.`);
      return sources({ action: 'emoji', role: action, emoji });
    }
    default:
      return fail(`Usage: ${SOURCES_USAGE}.`);
  }
}

function toChannelId(text: string): string | null {
  const match = CHANNEL.exec(text);
  return match ? (match[1] ?? match[2]!) : null;
}

function sources(request: SourcesRequest): AdminParseResult {
  return ok({ subcommand: 'sources', request });
}

function ok(admin: AdminCommand): AdminParseResult {
  return { ok: true, admin };
}

function fail(problem: string): AdminParseResult {
  return { ok: false, problem };
}
