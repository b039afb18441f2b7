/**
 * The admin commands about the community's offer: `admin challenge ...` and `admin shop ...`.
 * Each area parses its own words.
 */
import type { ChallengeStep } from '../challenges/challenge.js';

/** An admin command about challenges or the shop, by area. */
export type CommunityAdminCommand =
  | { area: 'challenge'; action: 'list' }
  | { area: 'challenge'; action: 'remove'; id: string }
  | { area: 'challenge'; action: 'grace'; days: number }
  | {
      area: 'challenge';
      action: 'add';
      credits: number;
      /** YYYY-MM-DD, first day of the window in the tenant's time zone. */
      startDay: string;
      /** YYYY-MM-DD, last day of the window. */
      endDay: string;
      steps: ChallengeStep[];
      title: string;
    }
  | {
      area: 'shop';
      action: 'add';
      item: { id: string; name: string; description: string; price: number; stock: number };
    }
  | { area: 'shop'; action: 'channel'; channel: string }
  | { area: 'shop'; action: 'orders' }
  | { area: 'shop'; action: 'shipped'; order: string };

export type AdminParse =
  { ok: true; admin: CommunityAdminCommand } | { ok: false; problem: string };

/** The words that start one of these admin commands. */
export const COMMUNITY_ADMIN_WORDS = ['challenge', 'shop'];

export const COMMUNITY_ADMIN_USAGE =
  '“admin challenge add <credits> <start YYYY-MM-DD> <end YYYY-MM-DD> ' +
  '<activity>=<count>[,<activity>=<count>] <title>”, “admin challenge list”, ' +
  '“admin challenge remove <id>”, “admin challenge grace <days>”, ' +
  '“admin shop add <price> <stock> <name> | <description>”, “admin shop channel #channel”, ' +
  '“admin shop orders” or “admin shop shipped <order>”.';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STEP = /^([a-z]+\.[a-z_]+)=([1-9]\d{0,3})$/;
const ID = /^[a-z0-9][a-z0-9-]{0,29}$/;

/** Parses the words after `admin`, starting with one of COMMUNITY_ADMIN_WORDS. */
export function parseCommunityAdminCommand(args: string[]): AdminParse {
  const [area, ...rest] = args;
  switch (area?.toLowerCase()) {
    case 'challenge':
      return parseChallengeAdmin(rest);
    case 'shop':
      return parseShopAdmin(rest);
    default:
      return fail(`“admin” takes ${COMMUNITY_ADMIN_USAGE}`);
  }
}

function parseChallengeAdmin(args: string[]): AdminParse {
  const [action, ...rest] = args;
  switch (action?.toLowerCase()) {
    case 'list':
      return rest.length === 0 ? ok({ area: 'challenge', action: 'list' }) : usage();
    case 'remove':
      return rest.length === 1 && ID.test(rest[0]!)
        ? ok({ area: 'challenge', action: 'remove', id: rest[0]! })
        : usage();
    case 'grace':
      return rest.length === 1 && /^\d{1,3}$/.test(rest[0]!)
        ? ok({ area: 'challenge', action: 'grace', days: Number(rest[0]) })
        : usage();
    case 'add':
      return parseAdd(rest);
    default:
      return usage();
  }
}

/** A day written YYYY-MM-DD that the calendar has: 2026-02-30 is refused, not rolled over. */
function isCalendarDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function parseAdd(args: string[]): AdminParse {
  const [credits, startDay, endDay, steps, ...title] = args;
  if (!credits || !/^[1-9]\d{0,5}$/.test(credits))
    return fail('The credits are a whole number from 1 to 999,999.');
  if (!startDay || !endDay || !isCalendarDay(startDay) || !isCalendarDay(endDay)) {
    return fail('The start and end are days of the calendar, written YYYY-MM-DD.');
  }
  if (endDay < startDay) return fail('The end day comes before the start day.');
  const parsedSteps = (steps ?? '').split(',').map((step) => STEP.exec(step));
  if (!steps || parsedSteps.some((step) => step === null) || parsedSteps.length > 10) {
    return fail('Steps are written <activity>=<count>, separated by commas, at most 10.');
  }
  const name = title.join(' ');
  if (name.length === 0 || name.length > 80) return fail('The title has 1 to 80 characters.');
  return ok({
    area: 'challenge',
    action: 'add',
    credits: Number(credits),
    startDay,
    endDay,
    steps: parsedSteps.map((step) => ({ activity: step![1]!, count: Number(step![2]) })),
    title: name,
  });
}

/**
 * A channel as Slack escapes it (`<#C123|name>`) or writes its id (`C123`, `G123`), or a Teams
 * channel id (`19:…@thread.tacv2`); any other word would only fail when the first order is posted.
 */
const CHANNEL =
  /^(?:<#([CG][A-Z0-9]{2,30})(?:\|[^>]*)?>|([CG][A-Z0-9]{2,30}|19:[A-Za-z0-9._-]{1,150}@thread\.[a-z0-9]{1,20}))$/;

function parseShopAdmin(args: string[]): AdminParse {
  const [action, ...rest] = args;
  switch (action?.toLowerCase()) {
    case 'orders':
      return rest.length === 0 ? ok({ area: 'shop', action: 'orders' }) : usage();
    case 'shipped':
      return rest.length === 1 && /^[A-Za-z0-9-]{1,40}$/.test(rest[0]!)
        ? ok({ area: 'shop', action: 'shipped', order: rest[0]! })
        : usage();
    case 'channel': {
      const channel = rest.length === 1 ? CHANNEL.exec(rest[0]!) : null;
      if (!channel) return fail('“admin shop channel” takes one #channel.');
      return ok({ area: 'shop', action: 'channel', channel: (channel[1] ?? channel[2])! });
    }
    case 'add':
      return parseShopAdd(rest);
    default:
      return usage();
  }
}

function parseShopAdd(args: string[]): AdminParse {
  const [price, stock, ...words] = args;
  if (!price || !/^[1-9]\d{0,5}$/.test(price))
    return fail('The price is a whole number of credits from 1 to 999,999.');
  if (!stock || !/^[1-9]\d{0,3}$/.test(stock))
    return fail('The stock is a whole number from 1 to 9,999.');
  const [name = '', description = ''] = words
    .join(' ')
    .split('|')
    .map((part) => part.trim());
  if (name.length === 0 || name.length > 60) return fail('The name has 1 to 60 characters.');
  if (description.length === 0 || description.length > 200) {
    return fail('Write the description after a “|”, at most 200 characters.');
  }
  const id = toItemId(name);
  return ok({
    area: 'shop',
    action: 'add',
    item: { id, name, description, price: Number(price), stock: Number(stock) },
  });
}

/** The id a name gives: lower case words joined by dashes. */
function toItemId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 30).replace(/-+$/, '') || 'item';
}

function ok(admin: CommunityAdminCommand): AdminParse {
  return { ok: true, admin };
}

function usage(): AdminParse {
  return fail(`Try ${COMMUNITY_ADMIN_USAGE}`);
}

function fail(problem: string): AdminParse {
  return { ok: false, problem };
}
