import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/commands/grammar.js';

describe('the grammar of badges, challenges and admin commands', () => {
  it.each([
    ['badges', { name: 'badges', action: 'show', subject: null, page: 1 }],
    ['badges <@U1> page 3', { name: 'badges', action: 'show', subject: 'U1', page: 3 }],
    ['badges feature Speaker', { name: 'badges', action: 'feature', badge: 'speaker' }],
    ['badges unfeature speaker', { name: 'badges', action: 'unfeature', badge: 'speaker' }],
    ['challenges', { name: 'challenges', claim: null }],
    ['challenges claim spring-1', { name: 'challenges', claim: 'spring-1' }],
    ['admin', { name: 'admin', admin: { subcommand: 'help' } }],
    ['shop', { name: 'shop', order: null }],
    ['shop order hoodie', { name: 'shop', order: 'hoodie' }],
    ['shop order hoodie 42', { name: 'shop', order: 'hoodie', seen: 42 }],
    [
      'admin shop channel <#C0AB|orders>',
      {
        name: 'admin',
        admin: {
          subcommand: 'community',
          command: { area: 'shop', action: 'channel', channel: 'C0AB' },
        },
      },
    ],
    [
      'admin shop add 50 3 Blue hoodie | Warm',
      {
        name: 'admin',
        admin: {
          subcommand: 'community',
          command: {
            area: 'shop',
            action: 'add',
            item: {
              id: 'blue-hoodie',
              name: 'Blue hoodie',
              description: 'Warm',
              price: 50,
              stock: 3,
            },
          },
        },
      },
    ],
    [
      'admin challenge list',
      {
        name: 'admin',
        admin: { subcommand: 'community', command: { area: 'challenge', action: 'list' } },
      },
    ],
    [
      'admin challenge add 5 2026-01-01 2026-01-31 platform.buzz_posted=3 Buzz month',
      {
        name: 'admin',
        admin: {
          subcommand: 'community',
          command: {
            area: 'challenge',
            action: 'add',
            credits: 5,
            startDay: '2026-01-01',
            endDay: '2026-01-31',
            steps: [{ activity: 'platform.buzz_posted', count: 3 }],
            title: 'Buzz month',
          },
        },
      },
    ],
  ])('reads “%s”', (text, command) => {
    expect(parseCommand(text)).toEqual({ ok: true, command });
  });

  it.each([
    ['badges page 0', 'badges'],
    ['badges feature', 'badges feature'],
    ['badges feature a b', 'badges feature'],
    ['challenges claim', 'challenges'],
    ['challenges claim <@U2> x', 'challenges'],
    ['admin challenge add x 2026-01-01 2026-01-02 a.b=1 T', 'credits'],
    ['admin challenge add 5 2026-01-01 2026-01-02 buzz T', 'Steps'],
    ['admin challenge add 5 2026-01-01 2026-01-02 platform.buzz_posted=1', 'title'],
    ['admin nothing', 'admin help'],
    ['admin shop add 50 3 Hoodie', 'description'],
    ['admin shop add 0 3 Hoodie | Warm', 'price'],
    ['admin shop add 1000000 3 Hoodie | Warm', 'from 1 to 999,999'],
    ['admin shop add 50 10000 Hoodie | Warm', 'stock is a whole number from 1 to 9,999'],
    ['admin challenge add 0 2026-01-01 2026-01-02 buzz T', 'credits are a whole number from 1'],
    ['shop order', 'shop'],
    ['shop order hoodie -1', 'shop'],
    ['shop order hoodie 1234567890', 'shop'],
  ])('refuses “%s” with a hint', (text, hint) => {
    const parsed = parseCommand(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(hint);
  });
});

describe('admin challenge and shop arguments', () => {
  it.each([
    ['admin challenge add 5 2026-02-30 2026-03-31 platform.buzz_posted=1 Leap', 'calendar'],
    ['admin challenge add 5 2026-04-01 2026-03-31 platform.buzz_posted=1 Back', 'before'],
    ['admin shop channel nope', '#channel'],
    ['admin shop channel #general', '#channel'],
  ])('refuses “%s”, naming what is wrong', (text, hint) => {
    const parsed = parseCommand(text);

    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(hint);
  });

  it('takes a Slack channel id and a Teams channel id for the order channel', () => {
    for (const channel of ['C0ORDERS', '19:abcDEF123@thread.tacv2']) {
      expect(parseCommand(`admin shop channel ${channel}`)).toMatchObject({
        ok: true,
        command: { admin: { command: { area: 'shop', action: 'channel', channel } } },
      });
    }
  });
});
