/** A member's company, derived from the e-mail domain (SPEC §3). */
import publicMailDomains from 'email-providers/all.json' with { type: 'json' };

const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set(publicMailDomains);

/** A company as the profile shows it: a stable key and a display name. */
export interface Company {
  /** The mail domain, lower case; members with the same key are colleagues. */
  key: string;
  name: string;
}

/** The company of an e-mail address, or null for public mail domains and malformed addresses. */
export function toCompany(email: string): Company | null {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain || !domain.includes('.') || PUBLIC_MAIL_DOMAINS.has(domain)) return null;

  return { key: domain, name: toCompanyName(domain) };
}

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

/** "mail.acme-corp.co.uk" reads as "Acme Corp": the label before the public suffix. */
function toCompanyName(domain: string): string {
  const labels = domain.split('.');
  const countryCode = labels.at(-1)!.length === 2;
  const secondLevelSuffix =
    labels.length > 2 && countryCode && GENERIC_SECOND_LEVEL.has(labels.at(-2)!);
  const nameLabel = labels.at(secondLevelSuffix ? -3 : -2) ?? domain;
  return nameLabel
    .split('-')
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
