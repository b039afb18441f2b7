import { describe, expect, it } from 'vitest';
import { readProject, toProjectForm } from '../../../src/core/portfolio/project.js';

describe('readProject', () => {
  it('keeps a draft with only its name', () => {
    expect(readProject({ appName: ' Fleet ' }, 'draft')).toEqual({
      ok: true,
      status: 'draft',
      content: {
        appName: 'Fleet',
        customer: '',
        businessNeed: '',
        solution: '',
        results: '',
        link: '',
      },
    });
  });

  it('needs every field but the link to publish, and treats any other intent as publish', () => {
    const read = readProject({ appName: 'Fleet', results: 'Faster' }, 'whatever');

    expect(read).toEqual({
      ok: false,
      errors: {
        customer: 'Required to publish; or choose Save as Draft.',
        businessNeed: 'Required to publish; or choose Save as Draft.',
        solution: 'Required to publish; or choose Save as Draft.',
      },
    });
  });

  it('names the length problem before the missing one', () => {
    const read = readProject({ appName: 'a'.repeat(81) }, 'draft');

    expect(read).toEqual({ ok: false, errors: { appName: 'At most 80 characters; this has 81.' } });
  });
});

describe('toProjectForm', () => {
  it('keeps what was submitted and the key of the project being edited', () => {
    const form = toProjectForm(null, { appName: 'Fleet' }, { customer: 'Required' }, 'abcd1234');

    expect(form.key).toBe('abcd1234');
    expect(form.fields.find((field) => field.name === 'appName')?.value).toBe('Fleet');
    expect(form.errors).toEqual({ customer: 'Required' });
    expect(form.intents.map((intent) => intent.label)).toEqual(['Publish', 'Save as Draft']);
  });
});
