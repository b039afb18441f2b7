import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/shared/logger.js';
import type { Database } from '../../../src/db/database.js';
import { createServices } from '../../../src/services.js';
import { ManualClock } from '../../support/clock.js';
import { buildConfig, openTestDatabase } from '../../support/database.js';

const TENANT = 'slack:T0RACE';

describe('invitations under concurrency, in two processes', () => {
  let database: Database;
  const clock = new ManualClock('2026-03-10T12:00:00Z');
  const connected: string[][] = [];

  /** Two processes on one database, each telling the hook about the pairs it connected. */
  function buildProcesses() {
    const config = buildConfig();
    const onConnected = async (_tenant: string, members: string[]) => {
      connected.push([...members].sort());
    };
    return [1, 2].map(() => createServices(database, config, clock, silentLogger, { onConnected }));
  }

  beforeAll(async () => {
    database = await openTestDatabase('invitations');
  });
  afterAll(async () => {
    await database.close();
  });

  it('connects each pair once when both invite each other at the same moment', async () => {
    const [first, second] = buildProcesses();
    const pairs = Array.from({ length: 10 }, (_, index) => [`UA${index}`, `UB${index}`] as const);
    for (const id of pairs.flat()) await first!.members.ensure(TENANT, id, clock.now());

    await Promise.all(
      pairs.flatMap(([a, b]) => [
        first!.answerCommand({ tenant: TENANT, userId: a }, `connect <@${b}>`),
        second!.answerCommand({ tenant: TENANT, userId: b }, `connect <@${a}>`),
      ]),
    );

    for (const [a, b] of pairs) {
      expect(await first!.connections.listConnections(TENANT, a)).toEqual([b]);
      expect(await second!.connections.countConnections(TENANT, b)).toBe(1);
    }
    expect(connected.sort()).toEqual(pairs.map(([a, b]) => [a, b]).sort());
  });

  it('acts once for 20 accepts of one invitation spread over two processes', async () => {
    const [first, second] = buildProcesses();
    for (const id of ['UINV', 'UGET']) await first!.members.ensure(TENANT, id, clock.now());
    await first!.answerCommand({ tenant: TENANT, userId: 'UINV' }, 'connect <@UGET>');
    connected.length = 0;

    const views = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        (index % 2 ? first! : second!).answerCommand(
          { tenant: TENANT, userId: 'UGET' },
          'accept <@UINV>',
        ),
      ),
    );

    expect(views.every((view) => view.kind === 'invitation' && view.state === 'accepted')).toBe(
      true,
    );
    expect(connected).toEqual([['UGET', 'UINV']]);
    expect(await first!.connections.countConnections(TENANT, 'UINV')).toBe(1);
  });
});
