/** `digest subscribe [scope] [HH:MM] [time zone]`, `digest unsubscribe`, `digest list`. */
import { parseScopeRequest, type ScopeRequest } from '../leaderboards/scope.js';
import { isValidTimeZone } from '../shared/calendar.js';
import { parseLocalTime } from './digest-schedule.js';

export type DigestCommand =
  | {
      name: 'digest';
      action: 'subscribe';
      scope: ScopeRequest;
      /** HH:MM, or null for the default. */
      time: string | null;
      /** IANA time zone, or null for the tenant's. */
      timeZone: string | null;
    }
  | { name: 'digest'; action: 'unsubscribe' }
  | { name: 'digest'; action: 'list' };

export const DIGEST_USAGE = 'digest subscribe [scope] [HH:MM] [time zone] | unsubscribe | list';

const LOOKS_LIKE_TIME = /^\d{1,2}[:.h]\d{0,2}$|^\d{1,2}:/;
const LOOKS_LIKE_ZONE = /\/|^utc$|^gmt$/i;

/** Reads the words after `digest`; a string says what is wrong. */
export function parseDigestCommand(args: string[]): DigestCommand | string {
  // A bare `digest` lists the subscriptions.
  const [action = 'list', ...rest] = args;
  switch (action.toLowerCase()) {
    case 'unsubscribe':
    case 'list':
      if (rest.length > 0) return `“digest ${action.toLowerCase()}” takes no arguments.`;
      return action.toLowerCase() === 'list'
        ? { name: 'digest', action: 'list' }
        : { name: 'digest', action: 'unsubscribe' };
    case 'subscribe':
      return parseSubscribe(rest);
    default:
      return `“digest” takes subscribe, unsubscribe or list: ${DIGEST_USAGE}.`;
  }
}

function parseSubscribe(args: string[]): DigestCommand | string {
  const words = [...args];

  let timeZone: string | null = null;
  if (words.length > 0 && LOOKS_LIKE_ZONE.test(words.at(-1)!)) {
    const typed = words.pop()!;
    const zone = typed.toUpperCase() === 'UTC' || typed.toUpperCase() === 'GMT' ? 'UTC' : typed;
    if (!isValidTimeZone(zone)) {
      return `“${typed}” is not a time zone; use an IANA name such as Europe/Amsterdam.`;
    }
    // The zone's own spelling, but as typed where the runtime knows it by an older alias
    // (it reads Asia/Kolkata as Asia/Calcutta).
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions()
      .timeZone;
    timeZone = resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
  }

  let time: string | null = null;
  if (words.length > 0 && LOOKS_LIKE_TIME.test(words.at(-1)!)) {
    const typed = words.pop()!;
    time = parseLocalTime(typed);
    if (time === null) return `“${typed}” is not a time of day; write HH:MM, e.g. 09:00.`;
  }

  const scope = parseScopeRequest(words);
  if (!scope) {
    return (
      '“digest subscribe” takes a scope (a category, “company <name>” or “all”), then an ' +
      'optional time HH:MM and time zone, e.g. “digest subscribe all 09:00 Europe/Amsterdam”.'
    );
  }
  return { name: 'digest', action: 'subscribe', scope, time, timeZone };
}
