import { describe, expect, it } from 'vitest';
import {
  COMMAND_HELP,
  parseCommand,
  type Command,
  type ParseResult,
} from '../../../src/core/commands/grammar.js';

function buildMention(userId: string, name?: string): string {
  return name === undefined ? `<@${userId}>` : `<@${userId}|${name}>`;
}

function expectCommand(result: ParseResult): Command {
  if (!result.ok) throw new Error(`expected a command, got the problem "${result.problem}"`);
  return result.command;
}

function expectProblem(result: ParseResult): string {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.command)}`);
  return result.problem;
}

describe('parseCommand', () => {
  it.each(['', '   ', '\t\n'])('asks for help when the text is empty (%j)', (text) => {
    expect(expectCommand(parseCommand(text))).toEqual({ name: 'help' });
  });

  it('reads help when asked for by name, in any case', () => {
    expect(expectCommand(parseCommand('help'))).toEqual({ name: 'help' });
    expect(expectCommand(parseCommand('  HeLp  '))).toEqual({ name: 'help' });
  });

  it.each(['profile', 'stats'] as const)('reads %s without a member as about oneself', (name) => {
    expect(expectCommand(parseCommand(name))).toEqual({ name, subject: null });
  });

  it.each(['profile', 'stats'] as const)('reads %s with a plain Slack mention', (name) => {
    const command = expectCommand(parseCommand(`${name} ${buildMention('U123')}`));

    expect(command).toEqual({ name, subject: 'U123' });
  });

  it.each(['profile', 'stats'] as const)('reads %s with a mention that carries a name', (name) => {
    const command = expectCommand(parseCommand(`${name} ${buildMention('U123', 'ada')}`));

    expect(command).toEqual({ name, subject: 'U123' });
  });

  it('ignores extra spaces and the case of the command word', () => {
    const command = expectCommand(parseCommand(`  PROFILE    ${buildMention('U9ABC')}  `));

    expect(command).toEqual({ name: 'profile', subject: 'U9ABC' });
  });

  it('reads a Teams user id written as a mention', () => {
    const teamsId = '29:1a2b-3c4d_5e.6f';

    const command = expectCommand(parseCommand(`stats ${buildMention(teamsId)}`));

    expect(command).toEqual({ name: 'stats', subject: teamsId });
  });

  it('names an unknown command in its answer', () => {
    const problem = expectProblem(parseCommand('dance now'));

    expect(problem).toContain('dance');
  });

  it('shortens a very long unknown command word in its answer', () => {
    const word = 'x'.repeat(200);

    const problem = expectProblem(parseCommand(word));

    expect(problem).not.toContain(word);
    expect(problem).toContain(word.slice(0, 30));
  });

  it('rejects arguments to help', () => {
    expect(expectProblem(parseCommand('help me'))).toContain('help');
  });

  it.each([
    ['a plain name instead of a mention', 'profile @ada'],
    ['two mentions', `profile ${buildMention('U1')} ${buildMention('U2')}`],
    ['a mention followed by a word', `stats ${buildMention('U1')} please`],
    ['an unclosed mention', 'stats <@U1'],
    ['a mention with forbidden characters', 'profile <@U1 23>'],
    ['a channel link', 'profile <#C123>'],
  ])('rejects %s with a usage hint', (_case, text) => {
    const problem = expectProblem(parseCommand(text));

    expect(problem).toMatch(/@mention/);
  });

  it('rejects text longer than 500 characters as too long', () => {
    const text = `profile ${' '.repeat(500)}`;

    expect(expectProblem(parseCommand(text))).toMatch(/too long/);
  });

  it('still reads text of exactly 500 characters', () => {
    const text = `stats${' '.repeat(495)}`;

    expect(text).toHaveLength(500);
    expect(expectCommand(parseCommand(text))).toEqual({ name: 'stats', subject: null });
  });
});

describe('COMMAND_HELP', () => {
  it('describes every command the parser knows, each by a usage it accepts', () => {
    for (const help of COMMAND_HELP) {
      // The usage's first form without its optional parts, with an example for "@member".
      const required = help.usage.replace(/\s*\[[^\]]*\]/g, '').split(' | ')[0]!;
      const example = required.replace('@member', '<@U0TEST>');
      const command = expectCommand(parseCommand(example));

      expect(command.name).toBe(help.name);
      expect(help.description).not.toBe('');
    }
  });
});

describe('admin subcommands', () => {
  it('reads an award with its note, a penalty with --silent anywhere, a ledger and rebuild', () => {
    expect(
      expectCommand(parseCommand('admin award <@U1> Impact.Hackathon_Won great  work')),
    ).toEqual({
      name: 'admin',
      admin: {
        subcommand: 'members',
        command: {
          action: 'award',
          subject: 'U1',
          activity: 'impact.hackathon_won',
          note: 'great work',
        },
      },
    });
    expect(expectCommand(parseCommand('admin penalize <@U1> --silent 20 vote ring'))).toEqual({
      name: 'admin',
      admin: {
        subcommand: 'members',
        command: {
          action: 'penalize',
          subject: 'U1',
          points: 20,
          reason: 'vote ring',
          silent: true,
        },
      },
    });
    expect(expectCommand(parseCommand('admin ledger <@U1>'))).toMatchObject({
      admin: { command: { action: 'ledger', subject: 'U1' } },
    });
    expect(expectCommand(parseCommand('admin rebuild'))).toMatchObject({
      admin: { command: { action: 'rebuild' } },
    });
  });

  it.each([
    ['admin penalize <@U1> 0 nothing', /from 1 to/],
    ['admin penalize <@U1> 1.5 half', /from 1 to/],
    [`admin penalize <@U1> 5 ${'x'.repeat(301)}`, /longer than 300/],
    ['admin ledger', /admin ledger @member/],
    ['admin rebuild now', /admin rebuild/],
  ])('rejects %j with a usage hint', (text, problem) => {
    expect(expectProblem(parseCommand(text))).toMatch(problem);
  });
});

describe('portfolio subcommands', () => {
  it.each([
    ['portfolio', { action: 'list', owner: null }],
    ['portfolio <@U1|ada>', { action: 'list', owner: 'U1' }],
    ['portfolio add', { action: 'add' }],
    ['portfolio edit abcd1234', { action: 'edit', id: 'abcd1234' }],
    ['portfolio show abcd1234', { action: 'show', owner: null, id: 'abcd1234' }],
    ['portfolio show <@U1> abcd1234', { action: 'show', owner: 'U1', id: 'abcd1234' }],
  ])('reads %j', (text, portfolio) => {
    expect(expectCommand(parseCommand(text))).toEqual({ name: 'portfolio', portfolio });
  });

  it.each(['portfolio everything', 'portfolio edit ../x', 'portfolio show <@U1>'])(
    'rejects %j with a usage hint',
    (text) => {
      expect(expectProblem(parseCommand(text))).toMatch(/portfolio/);
    },
  );
});
