import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsker, readBlocks, type Block } from '../support/slack-commands.js';
import { postViewSubmission } from '../support/slack-interactions.js';
import { postSlashCommand } from '../support/slack-requests.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';
const SETTINGS = { form: 'settings', key: '' };

const COMPLETE = {
  title: 'Lead developer',
  company: 'Analytical Engines',
  country: 'Netherlands',
  bio: 'I build apps that count.',
  skills: 'Mendix, Java ,  SQL',
  links: 'https://example.com/me\nhttps://github.com/ada',
  visibility: 'public',
};

interface Modal {
  type: string;
  callback_id: string;
  private_metadata: string;
  blocks: (Block & { element?: Record<string, unknown>; hint?: { text: string } })[];
}

describe('profile settings in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  const ask = createAsker(slack, () => app.baseUrl, 'settings');

  beforeAll(async () => {
    await slack.start();
    slack.users.set('U0ADA', { id: 'U0ADA', name: 'ada', realName: 'Ada', email: null });
    slack.users.set('U0BOB', { id: 'U0BOB', name: 'bob', realName: 'Bob', email: null });
    slack.users.set('U0BOSS', { id: 'U0BOSS', name: 'boss', realName: 'Boss', email: null });
    app = await startSlackTestApp(slack.apiUrl, {
      ADMINS: JSON.stringify({ [TENANT]: ['U0BOSS'] }),
    });
    for (const user of ['U0ADA', 'U0BOB', 'U0BOSS']) await ask('help', user);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  const submit = (values: Record<string, string | undefined>, userId = 'U0ADA') =>
    postViewSubmission(app.baseUrl, { userId, metadata: SETTINGS, values });
  const storedProfile = () =>
    app.database.collections.memberProfiles.findOne({ _id: `${TENANT}|U0ADA` });
  const awards = (activity: string) =>
    app.database.collections.ledger.countDocuments({ member: 'U0ADA', activity });

  it('opens the settings modal with the trigger of the slash command', async () => {
    const before = slack.callsTo('/api/views.open').length;
    await postSlashCommandFor('settings');

    await expect.poll(() => slack.callsTo('/api/views.open').length).toBe(before + 1);
    const call = slack.callsTo('/api/views.open').at(-1)!;
    expect(call.body.trigger_id).toBe('123.456.abc');
    const modal = JSON.parse(String(call.body.view)) as Modal;
    expect(modal).toMatchObject({ type: 'modal', callback_id: 'mendix_form' });
    expect(JSON.parse(modal.private_metadata)).toEqual(SETTINGS);
    expect(modal.blocks.map((block) => block.block_id)).toEqual([
      'title',
      'company',
      'country',
      'bio',
      'skills',
      'links',
      'visibility',
    ]);
    expect(modal.blocks[4]!.hint?.text).toContain('Up to 10');
    expect(modal.blocks[0]!.element).toMatchObject({ type: 'plain_text_input', max_length: 80 });
  });

  it.each([
    ['a too-long title', { title: 'x'.repeat(81) }, 'title', 'At most 80 characters; this has 81.'],
    ['too many skills', { skills: 'a,b,c,d,e,f,g,h,i,j,k' }, 'skills', 'At most 10 skills.'],
    ['a link that is no web address', { links: 'ftp://x.org' }, 'links', 'is not a web address'],
    ['no choice of visibility', { visibility: undefined }, 'visibility', 'Choose who sees'],
  ])(
    'answers %s with Slack field errors and stores nothing',
    async (_case, change, field, text) => {
      const response = await submit({ ...COMPLETE, ...change });

      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ response_action: 'errors' });
      const errors = (response.json as { errors: Record<string, string> }).errors;
      expect(Object.keys(errors)).toEqual([field]);
      expect(errors[field]).toContain(text);
      expect(await storedProfile()).toBeNull();
      expect(await awards('impact.profile_completed')).toBe(0);
    },
  );

  it('stores complete public settings and awards both once-only activities', async () => {
    const response = await submit(COMPLETE);

    expect(response.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(response.json)).toContain(
      'You earned 50 points for completing your profile. You earned 50 points for making',
    );
    expect((await storedProfile())?.info).toEqual({
      title: 'Lead developer',
      company: 'Analytical Engines',
      country: 'Netherlands',
      bio: 'I build apps that count.',
      skills: ['Mendix', 'Java', 'SQL'],
      links: ['https://example.com/me', 'https://github.com/ada'],
    });
    const member = await app.database.collections.members.findOne({ _id: `${TENANT}|U0ADA` });
    expect(member?.private).toBe(false);
    expect((await app.services.figures.findTotals(TENANT, 'U0ADA'))?.total).toBe(100);
  });

  it('awards nothing more when toggling private and public again, even at once', async () => {
    await submit({ ...COMPLETE, visibility: 'private' });
    await Promise.all([submit(COMPLETE), submit(COMPLETE), submit({ ...COMPLETE, bio: 'Hi' })]);

    expect(await awards('impact.profile_completed')).toBe(1);
    expect(await awards('impact.profile_made_public')).toBe(1);
    expect((await app.services.figures.findTotals(TENANT, 'U0ADA'))?.total).toBe(100);
  });

  it('shows the personal-info card on the profile header', async () => {
    await submit(COMPLETE);

    const answer = await ask('profile', 'U0ADA');
    const text = readBlocks(answer.blocks);

    expect(text).toContain('_I build apps that count._');
    expect(text).toContain('*Title:* Lead developer');
    expect(text).toContain('*Skills:* Mendix, Java, SQL');
  });

  it('shows others only that a profile is private; the owner and admins see it all', async () => {
    await submit({ ...COMPLETE, visibility: 'private' });

    const other = await ask('profile <@U0ADA>', 'U0BOB');
    const admin = await ask('profile <@U0ADA>', 'U0BOSS');
    const own = await ask('profile', 'U0ADA');

    expect(other.text).toBe('Ada keeps their profile private.');
    expect(JSON.stringify(other.blocks)).not.toContain('Lead developer');
    expect(readBlocks(admin.blocks)).toContain('*Title:* Lead developer');
    expect(readBlocks(own.blocks)).toContain('Private profile: only you and the community admins');
  });

  it('opens the form again filled with what is stored', async () => {
    const before = slack.callsTo('/api/views.open').length;
    await postSlashCommandFor('settings');

    await expect.poll(() => slack.callsTo('/api/views.open').length).toBe(before + 1);
    const modal = JSON.parse(String(slack.callsTo('/api/views.open').at(-1)!.body.view)) as Modal;
    expect(modal.blocks[0]!.element).toMatchObject({ initial_value: 'Lead developer' });
    expect(modal.blocks[6]!.element).toMatchObject({ initial_option: { value: 'private' } });
  });

  async function postSlashCommandFor(text: string) {
    const ack = await postSlashCommand(app.baseUrl, {
      text,
      userId: 'U0ADA',
      responseUrl: slack.responseUrl(`open-${Math.random()}`),
    });
    expect(ack.status).toBe(200);
  }
});
