import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotFrameworkRecorder } from '../support/bot-framework-recorder.js';
import { buildActivity, postActivity } from '../support/teams-activities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the Teams bot with Bot Framework credentials', () => {
  const connector = new BotFrameworkRecorder();
  let app: TestApp;

  beforeAll(async () => {
    await connector.start();
    app = await startTestApp({
      MicrosoftAppId: '3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c',
      MicrosoftAppPassword: 'not-a-real-password',
    });
  });
  afterAll(async () => {
    await app.stop();
    await connector.stop();
  });

  it('refuses an activity without a Bot Framework token and changes nothing', async () => {
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl },
      { text: 'profile' },
    );

    const response = await postActivity(app.baseUrl, activity);

    expect(response.status).toBe(401);
    expect(await app.database.collections.members.countDocuments({})).toBe(0);
    expect(connector.sent).toHaveLength(0);
  });

  it('refuses an unsigned request before looking at what it holds', async () => {
    const response = await postActivity(app.baseUrl, { type: 'message', nonsense: true });

    expect(response.status).toBe(401);
    expect(response.body).toEqual({
      error: 'unauthorized',
      message: 'not a Bot Framework request',
    });
  });

  it('refuses an activity with a forged token', async () => {
    const activity = buildActivity(
      'message',
      { serviceUrl: connector.serviceUrl },
      { text: 'profile' },
    );
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      '{"aud":"3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c"}',
    ).toString('base64url')}.`;

    const response = await fetch(`${app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${forged}` },
      body: JSON.stringify(activity),
    });

    expect(response.status).toBe(401);
    expect(await app.database.collections.members.countDocuments({})).toBe(0);
  });
});
