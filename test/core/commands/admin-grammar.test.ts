import { describe, expect, it } from 'vitest';
import { parseCommand, type ParseResult } from '../../../src/core/commands/grammar.js';

function expectAdmin(result: ParseResult) {
  if (!result.ok) throw new Error(`expected a command, got the problem "${result.problem}"`);
  if (result.command.name !== 'admin')
    throw new Error(`expected admin, got ${result.command.name}`);
  return result.command.admin;
}

function expectProblem(result: ParseResult): string {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.command)}`);
  return result.problem;
}

describe('admin commands', () => {
  it.each(['admin', 'admin help', 'ADMIN Help'])('reads %j as the admin help', (text) => {
    expect(expectAdmin(parseCommand(text))).toEqual({ subcommand: 'help' });
  });

  it('reads admin sources alone as showing the sources', () => {
    expect(expectAdmin(parseCommand('admin sources'))).toEqual({
      subcommand: 'sources',
      request: { action: 'show' },
    });
  });

  it.each([
    ['buzz <#C0123ABC|buzz>', { action: 'channel', role: 'buzz', channel: 'C0123ABC' }],
    ['QA <#G0PRIVATE>', { action: 'channel', role: 'qa', channel: 'G0PRIVATE' }],
    ['remove C0123ABC', { action: 'remove', channel: 'C0123ABC' }],
    ['upvote :tada:', { action: 'emoji', role: 'upvote', emoji: 'tada' }],
    ['downvote -1', { action: 'emoji', role: 'downvote', emoji: '-1' }],
    ['accepted :+1::skin-tone-2:', { action: 'emoji', role: 'accepted', emoji: '+1' }],
  ])('reads admin sources %s', (text, request) => {
    expect(expectAdmin(parseCommand(`admin sources ${text}`))).toEqual({
      subcommand: 'sources',
      request,
    });
  });

  it.each([
    ['admin sources buzz general', '“buzz” takes one #channel.'],
    ['admin sources buzz <@U123>', '“buzz” takes one #channel.'],
    ['admin sources upvote :two words:', 'Usage: admin sources'],
    ['admin sources upvote :bad/emoji:', '“upvote” takes one :emoji:.'],
    ['admin sources buzz', 'Usage: admin sources'],
    ['admin sources teleport #x', 'Usage: admin sources'],
    ['admin launch', 'I don’t know the admin command “launch”.'],
    ['admin help me', '“admin help” takes nothing.'],
  ])('answers %j with what it takes', (text, problem) => {
    expect(expectProblem(parseCommand(text))).toContain(problem);
  });
});
