/**
 * `admin <area> ...`: commands for a tenant's community managers. Each area parses its own
 * words; a new area is one more case in `parseAdmin`.
 */
import type { ChallengeStep } from '../challenges/challenge.js';

/** An admin command, by area. */
export type AdminCommand =
  | { area: 'help' }
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
    };

export type AdminParse = { ok: true; admin: AdminCommand } | { ok: false; problem: string };

export const ADMIN_USAGE =
  '“admin challenge add <credits> <start YYYY-MM-DD> <end YYYY-MM-DD> ' +
  '<activity>=<count>[,<activity>=<count>] <title>”, “admin challenge list”, ' +
  '“admin challenge remove <id>” or “admin challenge grace <days>”.';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STEP = /^([a-z]+\.[a-z_]+)=([1-9]\d{0,3})$/;
const ID = /^[a-z0-9][a-z0-9-]{0,29}$/;

/** Parses the words after `admin`. */
export function parseAdmin(args: string[]): AdminParse {
  const [area, ...rest] = args;
  switch (area?.toLowerCase()) {
    case undefined:
      return ok({ area: 'help' });
    case 'challenge':
      return parseChallengeAdmin(rest);
    default:
      return fail(`“admin” takes ${ADMIN_USAGE}`);
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

function parseAdd(args: string[]): AdminParse {
  const [credits, startDay, endDay, steps, ...title] = args;
  if (!credits || !/^[1-9]\d{0,5}$/.test(credits)) return fail('The credits are a whole number.');
  if (!startDay || !endDay || !DAY.test(startDay) || !DAY.test(endDay)) {
    return fail('The start and end are days written YYYY-MM-DD.');
  }
  if (endDay < startDay) return fail('The end is not before the start.');
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

function ok(admin: AdminCommand): AdminParse {
  return { ok: true, admin };
}

function usage(): AdminParse {
  return fail(`Try ${ADMIN_USAGE}`);
}

function fail(problem: string): AdminParse {
  return { ok: false, problem };
}
