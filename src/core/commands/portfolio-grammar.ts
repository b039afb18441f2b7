/** The portfolio subcommands: list, add, edit and show projects. */

export type PortfolioCommand =
  | { action: 'list'; owner: string | null }
  | { action: 'add' }
  | { action: 'edit'; id: string }
  | { action: 'show'; owner: string | null; id: string };

export type PortfolioParseResult =
  { ok: true; portfolio: PortfolioCommand } | { ok: false; problem: string };

const MENTION = /^<@([A-Za-z0-9:_.-]{1,128})(?:\|[^>]*)?>$/;
const PROJECT_ID = /^[a-z0-9]{8}$/;

const USAGE =
  '“portfolio” takes an @mention of a member, or nothing; “portfolio add” opens the editor.';

/** Parses the words after `portfolio`. */
export function parsePortfolioCommand(args: string[]): PortfolioParseResult {
  const [word = '', ...rest] = args;
  const owner = MENTION.exec(word)?.[1];
  if (args.length === 0) return ok({ action: 'list', owner: null });
  if (owner && rest.length === 0) return ok({ action: 'list', owner });

  switch (word.toLowerCase()) {
    case 'add':
      return rest.length === 0 ? ok({ action: 'add' }) : fail(USAGE);
    case 'edit':
      return rest.length === 1 && PROJECT_ID.test(rest[0]!)
        ? ok({ action: 'edit', id: rest[0]! })
        : fail('Write it as: portfolio edit <project id>');
    case 'show':
      return parseShow(rest);
    default:
      return fail(USAGE);
  }
}

function parseShow(args: string[]): PortfolioParseResult {
  const [first = '', second] = args;
  const owner = MENTION.exec(first)?.[1] ?? null;
  const id = owner ? second : first;
  const expected = owner ? 2 : 1;
  if (args.length !== expected || !id || !PROJECT_ID.test(id)) {
    return fail('Write it as: portfolio show [@member] <project id>');
  }
  return ok({ action: 'show', owner, id });
}

function ok(portfolio: PortfolioCommand): PortfolioParseResult {
  return { ok: true, portfolio };
}

function fail(problem: string): PortfolioParseResult {
  return { ok: false, problem };
}
