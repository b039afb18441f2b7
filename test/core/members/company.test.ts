import { describe, expect, it } from 'vitest';
import { toCompany } from '../../../src/core/members/company.js';

function buildEmail(domain: string, local = 'ada'): string {
  return `${local}@${domain}`;
}

describe('toCompany', () => {
  it('keys a company by its registered domain and names it after the domain', () => {
    expect(toCompany(buildEmail('acme.com'))).toEqual({ key: 'acme.com', name: 'Acme' });
  });

  it('gives colleagues the same company key', () => {
    const ada = toCompany(buildEmail('acme.com', 'ada'));
    const grace = toCompany(buildEmail('acme.com', 'grace'));

    expect(ada?.key).toBe(grace?.key);
  });

  it('ignores case and surrounding spaces', () => {
    expect(toCompany('  Ada.Lovelace@ACME.com ')).toEqual({ key: 'acme.com', name: 'Acme' });
  });

  it('reads "mail.acme-corp.co.uk" as Acme Corp', () => {
    expect(toCompany(buildEmail('mail.acme-corp.co.uk'))).toEqual({
      key: 'acme-corp.co.uk',
      name: 'Acme Corp',
    });
  });

  it('gives colleagues on a subdomain the same company', () => {
    expect(toCompany(buildEmail('mail.acme.com'))?.key).toBe(
      toCompany(buildEmail('acme.com'))?.key,
    );
  });

  it.each([
    ['acme.com.au', 'Acme'],
    ['research.acme.de', 'Acme'],
    ['big-data-labs.io', 'Big Data Labs'],
    ['acme.co', 'Acme'],
  ])('names the company of %s %s', (domain, name) => {
    expect(toCompany(buildEmail(domain))?.name).toBe(name);
  });

  it.each(['gmail.com', 'googlemail.com', 'hotmail.com', 'outlook.com', 'yahoo.com'])(
    'gives no company for the public mail domain %s',
    (domain) => {
      expect(toCompany(buildEmail(domain))).toBeNull();
    },
  );

  it('gives no company for a public mail domain written in capitals', () => {
    expect(toCompany('Ada@GMail.COM')).toBeNull();
  });

  it.each([
    ['no @ at all', 'ada.acme.com'],
    ['nothing after the @', 'ada@'],
    ['a domain without a dot', 'ada@localhost'],
    ['an empty string', ''],
    ['an empty first label', 'ada@.com'],
    ['an empty inner label', 'ada@acme..com'],
    ['a label that is only a hyphen', 'ada@-.com'],
    ['a trailing dot', 'ada@acme.'],
    ['a trailing dot after the top level', 'ada@acme.com.'],
    ['nothing before the @', '@acme.com'],
    ['two @ signs', 'ada@acme.com@evil.org'],
    ['only a public suffix', 'ada@co.uk'],
    ['a numeric top level', 'ada@10.0.0.1'],
  ])('gives no company for an address with %s', (_case, email) => {
    expect(toCompany(email)).toBeNull();
  });
});
