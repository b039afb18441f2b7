import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/commands/grammar.js';

describe('the connection commands of the grammar', () => {
  it.each([
    ['connect <@U0BOB|bob>', { name: 'connect', member: 'U0BOB' }],
    ['accept <@aad-ada>', { name: 'accept', member: 'aad-ada' }],
    ['ignore <@U0ADA>', { name: 'ignore', member: 'U0ADA' }],
    ['connections', { name: 'connections' }],
    ['referral', { name: 'referral' }],
    ['invite Someone@Example.com', { name: 'invite', email: 'someone@example.com' }],
    ['invite <mailto:a@b.co|a@b.co>', { name: 'invite', email: 'a@b.co' }],
    ['joined Abc_123-xyz', { name: 'joined', code: 'Abc_123-xyz' }],
  ])('reads “%s”', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['connect', '“connect” takes one @mention of a member.'],
    ['connect bob', '“connect” takes one @mention of a member.'],
    ['connect <@U0A> <@U0B>', '“connect” takes one @mention of a member.'],
    ['connections <@U0A>', '“connections” takes no arguments.'],
    ['invite', '“invite” takes one e-mail address, such as invite someone@example.com.'],
    ['invite someone@', 'That is not an e-mail address.'],
    ['invite a@b.co c@d.co', '“invite” takes one e-mail address'],
    ['joined x', '“joined” takes the code of the referral link you came through.'],
  ])('refuses “%s” with a usage message', (text, problem) => {
    const parsed = parseCommand(text);

    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toContain(problem);
  });
});
