import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../support/clock.js';
import { postEvents } from '../support/intake-requests.js';
import { readBlocks, type Block } from '../support/slack-blocks.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postSlashCommand, SIGNING_SECRET } from '../support/slack-requests.js';
import { SmtpRecorder } from '../support/smtp-recorder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';
const JOIN_URL = 'https://community.example.com/join';
const DAY_MS = 24 * 60 * 60 * 1000;

type Answer = { text: string; blocks: Block[] };

describe('referral links and e-mail invitations', () => {
  const slack = new SlackRecorder();
  const smtp = new SmtpRecorder();
  const clock = new ManualClock(new Date());
  let app: TestApp;
  let count = 0;
  let code = '';

  beforeAll(async () => {
    await Promise.all([slack.start(), smtp.start()]);
    for (const [id, email] of [
      ['U0ADA', 'ada@analytical-engines.com'],
      ['U0OLD', 'old@gmail.com'],
      ['U0NEW', 'new@gmail.com'],
    ] as const) {
      slack.users.set(id, { id, name: id.toLowerCase(), realName: id.slice(2), email });
    }
    app = await startTestApp(
      {
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PUBLIC_BASE_URL: 'https://profile.example.com',
        REFERRAL_JOIN_URL: JOIN_URL,
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Community <community@example.com>',
      },
      clock,
    );
    await ask('help', 'U0ADA');
    await ask('help', 'U0OLD');
  });
  afterAll(async () => {
    await app.stop();
    await Promise.all([slack.stop(), smtp.stop()]);
  });

  async function ask(text: string, userId: string): Promise<Answer> {
    const name = `command-${++count}`;
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId,
      channelId: 'D0DIRECT',
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as Answer;
  }

  const recorded = (eventId: string) =>
    app.services.ledger.findRecordedEvent(TENANT, `system/${eventId}`);

  const entriesOf = (member: string, activity: string) =>
    app.database.collections.ledger.countDocuments({ tenant: TENANT, member, activity });

  it('shows a personal link with an unguessable code that stays the same', async () => {
    const first = await ask('referral', 'U0ADA');
    const second = await ask('referral', 'U0ADA');

    const link = /https:\/\/profile\.example\.com\/r\/([A-Za-z0-9_-]{20})/.exec(first.text);
    expect(link).not.toBeNull();
    code = link![1]!;
    expect(second.text).toBe(first.text);
    expect((await ask('referral', 'U0OLD')).text).not.toContain(code);
  });

  it('records a visit and leads to the join page with the code', async () => {
    const response = await fetch(`${app.baseUrl}/r/${code}`, { redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${JOIN_URL}?ref=${code}`);
    expect(readBlocks((await ask('referral', 'U0ADA')).blocks)).toContain(
      'Opened 1 times · 0 joined through it',
    );
  });

  it('leads an unknown code to the join page without recording anything', async () => {
    const response = await fetch(`${app.baseUrl}/r/AAAAAAAAAAAAAAAAAAAA`, { redirect: 'manual' });

    expect(response.headers.get('location')).toBe(JOIN_URL);
    expect(await app.database.collections.referralVisits.countDocuments({})).toBe(1);
  });

  it('gives the referrer nothing for their own link', async () => {
    const answer = await ask(`joined ${code}`, 'U0ADA');

    expect(answer.text).toContain('That is your own referral link');
    expect(await recorded('referral-signup/U0ADA')).toBeNull();
  });

  it('refuses a member who joined more than a week ago', async () => {
    clock.advance(8 * DAY_MS);

    const answer = await ask(`joined ${code}`, 'U0OLD');

    expect(answer.text).toBe('Referral links count for new members, in their first week only.');
    expect(await app.database.collections.referralSignups.countDocuments({})).toBe(0);
  });

  it('awards impact.referral_signup once when a new member names the link', async () => {
    const answers = await Promise.all([
      ask(`joined ${code}`, 'U0NEW'),
      ask(`joined ${code}`, 'U0NEW'),
    ]);

    expect(answers.map((answer) => answer.text).sort()).toEqual([
      'Welcome! The member who invited you has been thanked.',
      'You already named the link you joined through.',
    ]);
    expect(await recorded('referral-signup/U0NEW')).toMatchObject({
      member: 'U0ADA',
      applied: 5,
    });
    expect(await entriesOf('U0ADA', 'impact.referral_signup')).toBe(1);
  });

  it('awards impact.friend_referred once when the referred member first earns points', async () => {
    const occurredAt = clock.now().toISOString();
    const events = ['e1', 'e2'].map((id) => ({
      id,
      activity: 'community.upvote_received',
      member: 'U0NEW',
      occurredAt,
    }));

    // The intake checks the request's timestamp against the app's clock, which runs ahead.
    const timestamp = Math.floor(clock.now().getTime() / 1000);
    for (const event of events) {
      const response = await postEvents(app.baseUrl, { events: [event] }, { timestamp });
      expect(response.status).toBe(200);
    }

    expect(await recorded('friend-referred/U0NEW')).toMatchObject({ member: 'U0ADA', applied: 25 });
    expect(await entriesOf('U0ADA', 'impact.friend_referred')).toBe(1);
  });

  it('sends an e-mail invitation with the link and awards impact.friend_invited', async () => {
    const answer = await ask('invite <mailto:Friend@Example.com|Friend@Example.com>', 'U0ADA');

    expect(answer.text).toBe('Invitation sent to friend@example.com');
    expect(readBlocks(answer.blocks)).toContain('+5 points for inviting');
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]!.to).toEqual(['friend@example.com']);
    expect(smtp.messages[0]!.data).toContain(`https://profile.example.com/r/${code}`);
    expect(await recorded('friend-invited/friend@example.com/1')).toMatchObject({ applied: 5 });
  });

  it('refuses the same address within 30 days, even asked at once, and sends nothing more', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => ask('invite friend@example.com', 'U0OLD')),
    );

    for (const answer of answers) expect(answer.text).toContain('was invited less than 30 days');
    expect(smtp.messages).toHaveLength(1);
    expect(await entriesOf('U0OLD', 'impact.friend_invited')).toBe(0);
  });

  it('invites an address once of several requests at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => ask('invite pal@example.com', 'U0OLD')),
    );

    const sent = answers.filter((answer) => answer.text === 'Invitation sent to pal@example.com');
    expect(sent).toHaveLength(1);
    expect(smtp.messages.filter((mail) => mail.to[0] === 'pal@example.com')).toHaveLength(1);
    expect(await entriesOf('U0OLD', 'impact.friend_invited')).toBe(1);
  });

  it('invites the address again after 30 days', async () => {
    clock.advance(31 * DAY_MS);

    const answer = await ask('invite friend@example.com', 'U0OLD');

    expect(answer.text).toBe('Invitation sent to friend@example.com');
    expect(await recorded('friend-invited/friend@example.com/2')).toMatchObject({ applied: 5 });
  });

  it('gives no more points past the daily cap of 50', async () => {
    const texts: string[] = [];
    for (let index = 0; index < 11; index++) {
      texts.push(readBlocks((await ask(`invite capped${index}@example.com`, 'U0ADA')).blocks));
    }

    expect(texts.slice(0, 10).every((text) => text.includes('+5 points'))).toBe(true);
    expect(texts[10]).toContain('No points for this one');
    const totals = await app.services.figures.findTotals(TENANT, 'U0ADA');
    // The sign-up, the referred friend, the first invitation a month ago, and today's cap.
    expect(totals?.categories.impact).toBe(5 + 25 + 5 + 50);
  });

  it('refuses an address that is not one, storing nothing', async () => {
    const answer = await ask('invite not-an-address', 'U0ADA');

    expect(answer.text).toContain('That is not an e-mail address.');
    const stored = await app.database.collections.emailInvitations.countDocuments({
      email: 'not-an-address',
    });
    expect(stored).toBe(0);
  });
});
