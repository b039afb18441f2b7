import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('health endpoints', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${app.baseUrl}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz with 200 while the database answers', async () => {
    const response = await fetch(`${app.baseUrl}/readyz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('answers /readyz with 503 once the database connection is gone', async () => {
    await app.database.client.close();

    const response = await fetch(`${app.baseUrl}/readyz`);

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'database unreachable' });
  });

  it('answers an unknown path with 404 in JSON', async () => {
    const response = await fetch(`${app.baseUrl}/nowhere`);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not_found' });
  });

  it('does not offer Slack when no Slack credentials are configured', async () => {
    const response = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
  });
});
