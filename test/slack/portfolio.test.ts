import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAsker, readBlocks, type Block } from '../support/slack-commands.js';
import { postViewSubmission } from '../support/slack-interactions.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { postButtonClick } from '../support/slack-requests.js';
import { startSlackTestApp, type TestApp } from '../support/test-app.js';

const TENANT = 'slack:T0TEST';

const PROJECT = {
  appName: 'Claims Desk',
  customer: 'Acme Insurance',
  businessNeed: 'Claims took three weeks on paper.',
  solution: 'A claims app with photo upload and approvals.',
  results: 'Claims now take two days.',
  link: 'https://example.com/claims',
};

interface Modal {
  private_metadata: string;
  blocks: (Block & { element?: Record<string, unknown>; hint?: { text: string } })[];
}

describe('the portfolio in Slack', () => {
  const slack = new SlackRecorder();
  let app: TestApp;
  const ask = createAsker(slack, () => app.baseUrl, 'portfolio');

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

  const save = (
    values: Record<string, string | undefined>,
    intent: 'publish' | 'draft',
    key = '',
    userId = 'U0ADA',
  ) =>
    postViewSubmission(app.baseUrl, {
      userId,
      metadata: { form: 'project', key },
      values: { ...values, intent },
    });
  const storedProjects = () => app.database.collections.projects.find({ tenant: TENANT }).toArray();

  /** Clicks a button of an answer and returns the modal it opens. */
  async function openModalFrom(blocks: Block[], label: string): Promise<Modal> {
    const before = slack.callsTo('/api/views.open').length;
    const button = findButton(blocks, label);
    await postButtonClick(app.baseUrl, {
      userId: 'U0ADA',
      actionId: button.action_id,
      value: button.value,
      responseUrl: slack.responseUrl(`click-${Math.random()}`),
    });
    await expect.poll(() => slack.callsTo('/api/views.open').length).toBe(before + 1);
    return JSON.parse(String(slack.callsTo('/api/views.open').at(-1)!.body.view)) as Modal;
  }

  it('opens the editor from Add Project, each field with a hint, publish or draft', async () => {
    const list = await ask('portfolio', 'U0ADA');
    expect(readBlocks(list.blocks)).toContain('Your portfolio has no projects yet.');

    const modal = await openModalFrom(list.blocks, 'Add Project');

    expect(modal.blocks.map((block) => block.block_id)).toEqual([
      'appName',
      'customer',
      'businessNeed',
      'solution',
      'results',
      'link',
      'intent',
    ]);
    expect(modal.blocks.every((block) => block.hint?.text || block.block_id === 'intent')).toBe(
      true,
    );
    expect(JSON.stringify(modal.blocks.at(-1))).toContain('Save as Draft');
  });

  it('refuses to publish with missing fields, naming each, and stores nothing', async () => {
    const response = await save({ appName: 'Half done', customer: 'Acme' }, 'publish');

    expect(response.json).toMatchObject({ response_action: 'errors' });
    const errors = (response.json as { errors: Record<string, string> }).errors;
    expect(Object.keys(errors).sort()).toEqual(['businessNeed', 'results', 'solution']);
    expect(errors.solution).toBe('Required to publish; or choose Save as Draft.');
    expect(await storedProjects()).toEqual([]);
  });

  it.each([
    ['a too-long customer', { customer: 'c'.repeat(81) }, 'customer'],
    ['a link that is no web address', { link: 'claims desk' }, 'link'],
    ['no app name', { appName: undefined }, 'appName'],
  ])('refuses %s, even for a draft, and stores nothing', async (_case, change, field) => {
    const response = await save({ ...PROJECT, ...change }, 'draft');

    expect(Object.keys((response.json as { errors: object }).errors)).toEqual([field]);
    expect(await storedProjects()).toEqual([]);
  });

  it('keeps an incomplete draft visible only to its owner, then publishes it', async () => {
    const saved = await save({ appName: 'Claims Desk', customer: 'Acme Insurance' }, 'draft');
    expect(JSON.stringify(saved.json)).toContain('is saved as a draft; only you see it');
    const [draft] = await storedProjects();
    expect(draft).toMatchObject({ member: 'U0ADA', status: 'draft', solution: '' });

    const own = await ask('portfolio', 'U0ADA');
    const others = await ask('portfolio <@U0ADA>', 'U0BOB');
    const peek = await ask(`portfolio show <@U0ADA> ${draft!.id}`, 'U0BOB');
    expect(readBlocks(own.blocks)).toContain('*Claims Desk*  _Draft_');
    expect(readBlocks(others.blocks)).toContain('No published projects yet.');
    expect(peek.text).toBe('There is no such project, or it is a draft of someone else.');

    const details = await ask(`portfolio show ${draft!.id}`, 'U0ADA');
    const editor = await openModalFrom(details.blocks, 'Edit draft');
    expect(JSON.parse(editor.private_metadata)).toEqual({ form: 'project', key: draft!.id });
    expect(editor.blocks[1]!.element).toMatchObject({ initial_value: 'Acme Insurance' });

    await save(PROJECT, 'publish', draft!.id);
    const [published] = await storedProjects();
    expect(published).toMatchObject({ id: draft!.id, status: 'published', ...PROJECT });
  });

  it('lets others browse published projects and open one for its details', async () => {
    const list = await ask('portfolio <@U0ADA>', 'U0BOB');
    const open = findButton(list.blocks, 'Open');

    const details = await ask(open.value, 'U0BOB');
    const text = readBlocks(details.blocks);

    expect(details.blocks[0]).toMatchObject({ type: 'header', text: { text: 'Claims Desk' } });
    expect(text).toContain('*Business need*\nClaims took three weeks on paper.');
    expect(text).toContain('*Results*\nClaims now take two days.');
    expect(JSON.stringify(details.blocks)).not.toContain('Edit');
  });

  it('refuses to edit another member’s project, storing nothing for them', async () => {
    const [project] = await storedProjects();

    const response = await save({ ...PROJECT, appName: 'Stolen' }, 'publish', project!.id, 'U0BOB');

    expect(JSON.stringify(response.json)).toContain('There is no such project');
    const [after] = await storedProjects();
    expect(after).toMatchObject({ member: 'U0ADA', appName: 'Claims Desk' });
  });
});

interface Button {
  text?: { text?: string };
  action_id?: string;
  value?: string;
}

function findButton(blocks: Block[], label: string) {
  const buttons = blocks.flatMap((block) => {
    const { elements, accessory } = block as unknown as { elements?: Button[]; accessory?: Button };
    return [...(elements ?? []), ...(accessory ? [accessory] : [])];
  });
  const button = buttons.find((element) => element.text?.text === label);
  if (!button?.action_id || !button.value) throw new Error(`no button “${label}”`);
  return { action_id: button.action_id, value: button.value };
}
