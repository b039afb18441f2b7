import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '../support/intake-requests.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

function buildEvent(id: string) {
  return {
    id,
    activity: 'learning.lecture_completed',
    member: 'U0METRICS',
    occurredAt: new Date().toISOString(),
  };
}

/** The value of one sample line of the Prometheus text format, 0 when absent. */
function sample(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('/metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => {
    await app?.stop();
  });

  async function readMetrics(): Promise<string> {
    const response = await fetch(`${app.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  }

  it('counts intake requests by outcome and events by result', async () => {
    await postEvents(app.baseUrl, { events: [buildEvent('m-1'), buildEvent('m-2')] });
    await postEvents(app.baseUrl, buildEvent('m-1'));
    await postEvents(app.baseUrl, buildEvent('m-3'), { signature: 'v1=forged' });

    const text = await readMetrics();

    const requests = 'profile_bot_http_requests_total';
    expect(sample(text, requests, 'surface="intake",outcome="ok"')).toBe(2);
    expect(sample(text, requests, 'surface="intake",outcome="refused"')).toBe(1);
    const events = 'profile_bot_intake_events_total';
    expect(sample(text, events, 'result="applied"')).toBe(2);
    expect(sample(text, events, 'result="duplicate"')).toBe(1);
    const timings = /^profile_bot_scoring_duration_seconds_count (\d+)$/m.exec(text);
    expect(Number(timings?.[1])).toBe(2);
  });

  it('reports the memory of the process', async () => {
    const text = await readMetrics();

    expect(text).toMatch(/^profile_bot_process_resident_memory_bytes \d+/m);
  });

  describe('with a token', () => {
    const TOKEN = 'metrics-token-0123456789abcdef';
    let guarded: TestApp;

    beforeAll(async () => {
      guarded = await startTestApp({ METRICS_TOKEN: TOKEN });
    });
    afterAll(async () => {
      await guarded?.stop();
    });

    it('answers only a scraper that sends it as a bearer token', async () => {
      const url = `${guarded.baseUrl}/metrics`;
      const without = await fetch(url);
      const wrong = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}x` } });
      const right = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      const lower = await fetch(url, { headers: { authorization: `bearer ${TOKEN}` } });

      expect([without.status, wrong.status, right.status, lower.status]).toEqual([
        401, 401, 200, 200,
      ]);
      expect(without.headers.get('www-authenticate')).toBe('Bearer');
      expect(await wrong.text()).not.toContain('profile_bot_');
      expect(await right.text()).toContain('profile_bot_http_requests_total');
    });
  });
});
