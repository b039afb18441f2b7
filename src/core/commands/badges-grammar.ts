/** `badges [@member] [page <n>]`, `badges feature <badge>`, `badges unfeature <badge>`. */

/** What the badges command asks for. */
export type BadgesRequestCommand =
  | { name: 'badges'; action: 'show'; subject: string | null; page: number }
  | { name: 'badges'; action: 'feature' | 'unfeature'; badge: string };

export type BadgesParse =
  { ok: true; command: BadgesRequestCommand } | { ok: false; problem: string };

const USAGE =
  '“badges” takes an @mention and “page <n>”, or “feature <badge>” or “unfeature <badge>”.';

const BADGE_KEY = /^[A-Za-z0-9_]{1,40}$/;
const PAGE = /^[1-9][0-9]{0,2}$/;

/** Parses the arguments after `badges`; `mention` reads an `<@user>` argument. */
export function parseBadges(args: string[], mention: (arg: string) => string | null): BadgesParse {
  const [first, ...rest] = args;
  const word = first?.toLowerCase();
  if (word === 'feature' || word === 'unfeature') {
    if (rest.length !== 1 || !BADGE_KEY.test(rest[0]!)) {
      return { ok: false, problem: `“badges ${word}” takes one badge key, such as speaker.` };
    }
    return { ok: true, command: { name: 'badges', action: word, badge: rest[0]!.toLowerCase() } };
  }

  let remaining = args;
  const subject = first !== undefined ? mention(first) : null;
  if (subject !== null) remaining = rest;
  if (remaining.length === 0) return show(subject, 1);
  if (
    remaining.length === 2 &&
    remaining[0]!.toLowerCase() === 'page' &&
    PAGE.test(remaining[1]!)
  ) {
    return show(subject, Number(remaining[1]));
  }
  return { ok: false, problem: USAGE };
}

function show(subject: string | null, page: number): BadgesParse {
  return { ok: true, command: { name: 'badges', action: 'show', subject, page } };
}
