import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postEvents } from '../support/intake-requests.js';
import { createAsker, readBlocks } from '../support/slack-commands.js';
import { postViewSubmission } from '../support/slack-interactions.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';
const HOUR = 60 * 60 * 1000;

describe('the activity feed in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  const ask = createAsker(slack, () => app.baseUrl, 'activity');
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0ADA', { id: 'U0ADA', name: 'ada', realName: 'Ada', email: null });
    slack.users.set('U0BOB', { id: 'U0BOB', name: 'bob', realName: 'Bob', email: null });
    app = await startSlackTestApp(slack.apiUrl);
    await ask('help', 'U0ADA');
    await ask('help', 'U0BOB');
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('says there is nothing yet for a member without public events or badges', async () => {
    const answer = await ask('activity <@U0BOB>', 'U0ADA');

    expect(readBlocks(answer.blocks)).toContain('No public activity yet.');
  });

  it('lists the last 20 public events and badges, newest first, with relative times', async () => {
    const deploys = Array.from({ length: 24 }, (_, index) => ({
      id: `deploy-${index}`,
      activity: 'platform.free_app_deployed',
      member: 'U0ADA',
      occurredAt: hoursAgo(30 + index),
    }));
    const newest = [
      { id: 'accepted-1', activity: 'community.answer_accepted', occurredAt: hoursAgo(3) },
      { id: 'hidden-1', activity: 'marketplace.app_version_published', occurredAt: hoursAgo(1) },
    ].map((event) => ({ ...event, member: 'U0ADA', public: event.id !== 'hidden-1' }));
    await postEvents(app.baseUrl, { events: [...deploys, ...newest] });
    await app.database.db.collection('badge_awards').insertOne({
      tenant: TENANT,
      member: 'U0ADA',
      badge: 'helper',
      badgeName: 'Helper',
      level: 2,
      rarity: 'common',
      earnedAt: new Date(Date.now() - 5 * HOUR),
    });

    const answer = await ask('activity <@U0ADA>', 'U0BOB');
    const lines = readBlocks(answer.blocks).split('\n').slice(1);

    expect(answer.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Activity: Ada' } });
    expect(lines).toHaveLength(20);
    // The events themselves earned badges just now; those come first, as the newest.
    const justEarned = lines.filter((line) => line.endsWith('a few seconds ago'));
    expect(justEarned.length).toBeGreaterThan(0);
    expect(justEarned.every((line) => line.startsWith(':medal: Badge earned:'))).toBe(true);
    const older = lines.slice(justEarned.length);
    expect(older[0]).toBe('• Your answer was accepted · +15 · 3 hours ago');
    expect(older[1]).toBe(':medal: Badge earned: Helper (level 2) · 5 hours ago');
    expect(older[2]).toBe('• Free app deployed · +1 · a day ago');
    expect(lines.join('\n')).not.toContain('App version published');
  });

  it('shows nothing of a private profile to others, all of it to its owner', async () => {
    await postViewSubmission(app.baseUrl, {
      userId: 'U0ADA',
      metadata: { form: 'settings', key: '' },
      values: { visibility: 'private' },
    });

    const other = await ask('activity <@U0ADA>', 'U0BOB');
    const own = await ask('activity', 'U0ADA');

    expect(other.text).toBe('Ada keeps their profile private.');
    expect(JSON.stringify(other.blocks)).not.toContain('was accepted');
    expect(readBlocks(own.blocks)).toContain('Your answer was accepted · +15');
  });
});
