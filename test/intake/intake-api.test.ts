import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { signIntakeBody } from '../../src/intake/intake-signature.js';
import { FORUM_SOURCE, postEvents } from '../support/intake-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = FORUM_SOURCE.tenant;

function buildBody(overrides: Record<string, unknown> = {}) {
  return {
    id: `e-${Math.random().toString(36).slice(2)}`,
    activity: 'community.upvote_received',
    member: 'U_ADA',
    occurredAt: new Date(Date.now() - 60_000).toISOString(),
    ...overrides,
  };
}

describe('POST /api/v1/events', () => {
  let app: TestApp;

  // A fresh app and database for each test: the ledger is append-only, never wiped.
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(async () => {
    await app.stop();
  });

  const storedEntries = () => app.database.collections.ledger.countDocuments({});
  const storedPending = () => app.database.collections.pendingEvents.countDocuments({});

  it('records one event and answers requested and applied points', async () => {
    const response = await postEvents(app.baseUrl, buildBody({ id: 'one' }));

    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      results: [{ id: 'one', requested: 10, applied: 10, duplicate: false }],
    });
    const totals = await app.services.figures.findTotals(TENANT, 'U_ADA');
    expect(totals?.total).toBe(10);
  });

  it('answers a batch in request order and a second delivery with the first result', async () => {
    const events = [
      buildBody({ id: 'b1', activity: 'marketplace.app_published' }),
      buildBody({ id: 'b2', activity: 'community.downvote_cast' }),
      buildBody({ id: 'b3', member: 'U_BOB' }),
    ];
    const first = await postEvents(app.baseUrl, { events });
    const second = await postEvents(app.baseUrl, { events });

    expect(first.json.results).toEqual([
      { id: 'b1', requested: 50, applied: 50, duplicate: false },
      { id: 'b2', requested: -1, applied: -1, duplicate: false },
      { id: 'b3', requested: 10, applied: 10, duplicate: false },
    ]);
    expect(second.json.results).toEqual([
      { id: 'b1', requested: 50, applied: 50, duplicate: true },
      { id: 'b2', requested: -1, applied: -1, duplicate: true },
      { id: 'b3', requested: 10, applied: 10, duplicate: true },
    ]);
    expect(await storedEntries()).toBe(3);
  });

  it('reverses an earlier event of the same source, once', async () => {
    await postEvents(app.baseUrl, buildBody({ id: 'vote' }));
    const reversal = await postEvents(app.baseUrl, buildBody({ id: 'unvote', reverses: 'vote' }));
    const again = await postEvents(app.baseUrl, buildBody({ id: 'unvote-2', reverses: 'vote' }));

    expect(reversal.json.results).toEqual([
      { id: 'unvote', requested: -10, applied: -10, duplicate: false },
    ]);
    expect(again.json.results).toEqual([
      { id: 'unvote-2', requested: -10, applied: 0, duplicate: false },
    ]);
    expect((await app.services.figures.findTotals(TENANT, 'U_ADA'))?.total).toBe(0);
  });

  it('refuses a reversal that names another member or activity, taking nothing back', async () => {
    await postEvents(app.baseUrl, buildBody({ id: 'vote-for-grace', member: 'U_GRACE' }));
    const before = await app.services.figures.findTotals(TENANT, 'U_GRACE');

    const response = await postEvents(
      app.baseUrl,
      buildBody({
        id: 'unvote-wrong',
        member: 'U_LIN',
        activity: 'learning.lecture_completed',
        reverses: 'vote-for-grace',
      }),
    );

    expect(response.status).toBe(400);
    expect(response.json.issues).toEqual([
      { path: 'activity', message: expect.stringContaining('community.upvote_received') },
      { path: 'member', message: expect.stringContaining('vote-for-grace') },
    ]);
    expect(await app.services.figures.findTotals(TENANT, 'U_GRACE')).toEqual(before);
    expect(await app.services.ledger.findRecordedEvent(TENANT, 'forum/unvote-wrong')).toBeNull();
  });

  describe('authentication', () => {
    const body = JSON.stringify(buildBody({ id: 'auth' }));
    const now = Math.floor(Date.now() / 1000);

    it.each([
      ['an unknown source', { source: 'elsewhere' }, 'do not match a configured source'],
      ['a wrong secret', { secret: 'not-the-forum-secret-at-all' }, 'do not match'],
      ['a timestamp six minutes old', { timestamp: now - 360 }, 'five minutes'],
      ['a timestamp six minutes ahead', { timestamp: now + 360 }, 'five minutes'],
      ['a malformed signature', { signature: 'v1=zz' }, 'do not match'],
    ])('refuses %s with 401 and stores nothing', async (_case, options, reason) => {
      const response = await postEvents(app.baseUrl, body, options);

      expect(response.status).toBe(401);
      expect(String(response.json.message)).toContain(reason);
      expect(await storedEntries()).toBe(0);
    });

    it('refuses a request without the signature headers', async () => {
      const response = await fetch(`${app.baseUrl}/api/v1/events`, { method: 'POST', body });

      expect(response.status).toBe(401);
      expect(await storedEntries()).toBe(0);
    });
  });

  describe('validation', () => {
    it('lists each bad field by its path and stores none of the batch', async () => {
      const events = [
        buildBody({ id: 'fine' }),
        buildBody({ activity: 'community.nonsense', occurredAt: 'yesterday' }),
        buildBody({ member: 'not an id', extra: true }),
      ];
      const response = await postEvents(app.baseUrl, { events });

      expect(response.status).toBe(400);
      const paths = (response.json.issues as { path: string }[]).map((issue) => issue.path);
      expect(paths).toEqual(
        expect.arrayContaining([
          'events.1.activity',
          'events.1.occurredAt',
          'events.2.member',
          'events.2.extra',
        ]),
      );
      expect(await storedEntries()).toBe(0);
    });

    it.each([
      ['invalid JSON', '{"id": '],
      ['an empty batch', { events: [] }],
      ['a batch of 501 events', { events: Array.from({ length: 501 }, () => buildBody()) }],
      [
        'an event in the future',
        buildBody({ occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
      ],
      ['a date without an offset', buildBody({ occurredAt: '2026-03-10T10:00:00' })],
      ['a malformed e-mail', buildBody({ member: 'ada@' })],
      ['a meta object over 2 KiB', buildBody({ meta: { note: 'x'.repeat(3000) } })],
      ['a non-boolean public flag', buildBody({ public: 'yes' })],
      ['a meta key with a dot', buildBody({ meta: { 'a.b': 1 } })],
      ['a meta key starting with $', buildBody({ meta: { $set: 1 } })],
      ['an operator hidden in nested meta', buildBody({ meta: { x: { $where: 'x' } } })],
      ['a meta key with a NUL', buildBody({ meta: { 'a\u0000b': 1 } })],
      [
        'a meta list of lists',
        buildBody({
          meta: {
            matrix: [
              [1, 2],
              [3, 4],
            ],
          },
        }),
      ],
      ['an id of spaces', buildBody({ id: '   ' })],
      ['an id with a lone surrogate', buildBody({ id: 's\ud800' })],
      ['an id with a NUL', buildBody({ id: 'a\u0000b' })],
    ])('refuses %s with 400 and stores nothing', async (_case, body) => {
      const response = await postEvents(app.baseUrl, body);

      expect(response.status).toBe(400);
      expect(response.json.issues).not.toHaveLength(0);
      expect(await storedEntries()).toBe(0);
      expect(await storedPending()).toBe(0);
      expect(await app.database.collections.members.countDocuments({})).toBe(0);
    });

    it('refuses a reversal of an event the source never sent, naming its path', async () => {
      const events = [buildBody({ id: 'ok' }), buildBody({ id: 'undo', reverses: 'never-sent' })];
      const response = await postEvents(app.baseUrl, { events });

      expect(response.status).toBe(400);
      expect(response.json.issues).toEqual([
        { path: 'events.1.reverses', message: expect.stringContaining('never-sent') },
      ]);
      expect(await storedEntries()).toBe(0);
    });

    it('refuses a number too large for JSON to hold, which JavaScript reads as Infinity', async () => {
      const body = JSON.stringify(buildBody({ id: 'huge' })).replace('}', ',"meta":{"n":1e400}}');
      const response = await postEvents(app.baseUrl, body);

      expect(response.status).toBe(400);
      expect(response.json.issues).toEqual([{ path: 'meta.n', message: expect.any(String) }]);
      expect(await storedEntries()).toBe(0);
    });

    it('names an unknown field by its own path', async () => {
      const response = await postEvents(app.baseUrl, { events: [buildBody({ ocurredAt: 'x' })] });

      expect(response.status).toBe(400);
      expect(response.json.issues).toEqual([
        { path: 'events.0.ocurredAt', message: 'is not a field' },
      ]);
    });

    it('refuses a body that is not UTF-8 instead of reading it as replacement characters', async () => {
      const raw = Buffer.concat([
        Buffer.from('{"id":"s'),
        Buffer.from([0xff]),
        Buffer.from(
          JSON.stringify(buildBody())
            .replace('{"id":"', '')
            .replace(/^[^"]*"/, '"'),
        ),
      ]);
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(`${app.baseUrl}/api/v1/events`, {
        method: 'POST',
        headers: {
          'x-profile-source': FORUM_SOURCE.name,
          'x-profile-timestamp': String(timestamp),
          'x-profile-signature': signIntakeBody(FORUM_SOURCE.secret, timestamp, raw),
        },
        body: raw,
      });

      expect(response.status).toBe(400);
      expect(await storedEntries()).toBe(0);
    });

    it('refuses a compressed body with 415: the signature covers the bytes as sent', async () => {
      const timestamp = Math.floor(Date.now() / 1000);
      const raw = gzipSync(JSON.stringify(buildBody()));
      const response = await fetch(`${app.baseUrl}/api/v1/events`, {
        method: 'POST',
        headers: {
          'content-encoding': 'gzip',
          'x-profile-source': FORUM_SOURCE.name,
          'x-profile-timestamp': String(timestamp),
          'x-profile-signature': signIntakeBody(FORUM_SOURCE.secret, timestamp, raw),
        },
        body: raw,
      });

      expect(response.status).toBe(415);
      expect(await storedEntries()).toBe(0);
    });

    it('refuses to reverse a reversal, which would give the points back past every rule', async () => {
      await postEvents(
        app.baseUrl,
        buildBody({ id: 'cert', activity: 'learning.expert_certification' }),
      );
      const certification = { activity: 'learning.expert_certification' };
      await postEvents(
        app.baseUrl,
        buildBody({ id: 'undo-cert', reverses: 'cert', ...certification }),
      );

      const response = await postEvents(
        app.baseUrl,
        buildBody({ id: 'redo', reverses: 'undo-cert', ...certification }),
      );
      const inOneRequest = await postEvents(app.baseUrl, {
        events: [
          buildBody({ id: 'v' }),
          buildBody({ id: 'uv', reverses: 'v' }),
          buildBody({ id: 'uuv', reverses: 'uv' }),
        ],
      });

      expect(response.status).toBe(400);
      expect(response.json.issues).toEqual([
        { path: 'reverses', message: expect.stringContaining('itself a reversal') },
      ]);
      expect(inOneRequest.status).toBe(400);
      expect(inOneRequest.json.issues).toEqual([
        { path: 'events.2.reverses', message: expect.stringContaining('itself a reversal') },
      ]);
      expect(await storedEntries()).toBe(2);
      expect((await app.services.figures.findTotals(TENANT, 'U_ADA'))?.total).toBe(0);
    });

    it('refuses bodies over 1 MiB with 413', async () => {
      const body = JSON.stringify({
        events: [buildBody({ meta: { pad: 'x'.repeat(1_100_000) } })],
      });
      const response = await postEvents(app.baseUrl, body);

      expect(response.status).toBe(413);
      expect(await storedEntries()).toBe(0);
    });
  });

  describe('events for e-mail addresses', () => {
    it('keeps an event for an unknown address and books it when the member appears', async () => {
      const body = buildBody({
        id: 'mail-1',
        member: 'Grace@Gmail.com',
        activity: 'impact.hackathon_won',
      });
      const response = await postEvents(app.baseUrl, body);

      expect(response.json.results).toEqual([
        { id: 'mail-1', requested: 300, applied: 0, duplicate: false },
      ]);
      expect(await storedPending()).toBe(1);

      await app.services.registerContact(TENANT, 'U_GRACE', async () => ({
        displayName: 'Grace',
        email: 'grace@gmail.com',
      }));

      expect((await app.services.figures.findTotals(TENANT, 'U_GRACE'))?.total).toBe(300);
      expect(await storedPending()).toBe(0);
      const again = await postEvents(app.baseUrl, body);
      expect(again.json.results).toEqual([
        { id: 'mail-1', requested: 300, applied: 300, duplicate: true },
      ]);
    });

    it('books an event for a known address on the member who has it', async () => {
      await app.services.registerContact(TENANT, 'U_LIN', async () => ({
        displayName: 'Lin',
        email: 'lin@gmail.com',
      }));
      const response = await postEvents(
        app.baseUrl,
        buildBody({
          id: 'mail-2',
          member: 'lin@gmail.com',
          activity: 'learning.lecture_completed',
        }),
      );

      expect(response.json.results).toEqual([
        { id: 'mail-2', requested: 1, applied: 1, duplicate: false },
      ]);
      expect((await app.services.figures.findTotals(TENANT, 'U_LIN'))?.total).toBe(1);
    });
  });
});
