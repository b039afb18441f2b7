/** A member's company, derived from the e-mail domain (SPEC §3). */
import publicMailDomains from 'email-providers/all.json' with { type: 'json' };

const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set(publicMailDomains);

/** Second-level labels under country codes that are part of the suffix, as in "co.uk". */
const GENERIC_SECOND_LEVEL: ReadonlySet<string> = new Set([
  'co',
  'com',
  'org',
  'net',
  'ac',
  'gov',
  'edu',
]);

/** One label of a host name: letters, digits and inner hyphens. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** A company as the profile shows it: a stable key and a display name. */
export interface Company {
  /** The registered domain, lower case: "mail.acme.com" and "acme.com" are one company. */
  key: string;
  name: string;
}

/** The company of an e-mail address, or null for public mail domains and malformed addresses. */
export function toCompany(email: string): Company | null {
  const parts = email.trim().toLowerCase().split('@');
  if (parts.length !== 2 || parts[0] === '') return null;

  const labels = parts[1]!.split('.');
  const topLevel = labels.at(-1)!;
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return null;
  if (!/^[a-z]{2,}$/.test(topLevel)) return null;

  const suffixLength = hasSecondLevelSuffix(labels) ? 2 : 1;
  if (labels.length <= suffixLength) return null;

  const registered = labels.slice(-(suffixLength + 1)).join('.');
  if (PUBLIC_MAIL_DOMAINS.has(parts[1]!) || PUBLIC_MAIL_DOMAINS.has(registered)) return null;
  return { key: registered, name: toCompanyName(labels.at(-(suffixLength + 1))!) };
}

function hasSecondLevelSuffix(labels: string[]): boolean {
  return labels.at(-1)!.length === 2 && GENERIC_SECOND_LEVEL.has(labels.at(-2)!);
}

/** "acme-corp" reads as "Acme Corp". */
function toCompanyName(label: string): string {
  return label
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
