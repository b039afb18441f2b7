/** The app on an embedded database of its own, whose process dies while requests arrive. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '../support/intake-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('a database outage', () => {
  let dataDir: string;
  let app: TestApp;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'outage-'));
    app = await startTestApp({ MONGODB_URI: '', DATA_DIR: dataDir });
  });
  afterAll(async () => {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const send = (id: string) =>
    postEvents(app.baseUrl, {
      id,
      activity: 'learning.lecture_completed',
      member: 'U_OUT',
      occurredAt: new Date().toISOString(),
    });

  it('answers 503 while the database is gone, then recovers without a restart of the app', async () => {
    expect((await send('before')).status).toBe(200);
    const { pid } = JSON.parse(await readFile(path.join(dataDir, 'ferretdb.json'), 'utf8')) as {
      pid: number;
    };

    process.kill(pid, 'SIGKILL');
    const during = await send('during');

    expect([200, 503]).toContain(during.status);
    if (during.status === 503) expect(during.json).toMatchObject({ error: 'unavailable' });
    await expect.poll(async () => (await send('during')).status, { timeout: 30_000 }).toBe(200);
    const totals = await app.services.figures.findTotals('slack:T0TEST', 'U_OUT');
    expect(totals?.total).toBe(2);
  });
});
