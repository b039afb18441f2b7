import { describe, expect, it } from 'vitest';
import { isInfoComplete, readSettings } from '../../../src/core/profile/personal-info.js';

const COMPLETE = {
  title: ' Developer ',
  company: 'Acme',
  country: 'Spain',
  bio: 'Hello',
  skills: 'a, b,,c',
  links: 'https://a.example  http://b.example',
  visibility: 'private',
};

describe('readSettings', () => {
  it('trims texts, splits skills on commas and links on white space', () => {
    const read = readSettings(COMPLETE);

    expect(read).toEqual({
      ok: true,
      settings: {
        private: true,
        info: {
          title: 'Developer',
          company: 'Acme',
          country: 'Spain',
          bio: 'Hello',
          skills: ['a', 'b', 'c'],
          links: ['https://a.example', 'http://b.example'],
        },
      },
    });
  });

  it('reports every bad field at once, one problem each', () => {
    const read = readSettings({
      ...COMPLETE,
      country: 'c'.repeat(61),
      skills: `${'s'.repeat(31)}, ok`,
      links: 'https://a.example https://b.example https://c.example https://d.example',
      visibility: 'everyone',
    });

    expect(read).toEqual({
      ok: false,
      errors: {
        country: 'At most 60 characters; this has 61.',
        skills: 'At most 30 characters; this has 31.',
        links: 'At most 3 links.',
        visibility: 'Choose who sees your profile.',
      },
    });
  });

  it.each(['javascript:alert(1)', 'https://localhost', 'www.example.com'])(
    'refuses %j as a link',
    (link) => {
      expect(readSettings({ ...COMPLETE, links: link })).toMatchObject({
        ok: false,
        errors: { links: expect.stringContaining('is not a web address') },
      });
    },
  );

  it('counts characters, not UTF-16 units, against the limits', () => {
    expect(readSettings({ ...COMPLETE, title: '👩‍💻'.repeat(10) }).ok).toBe(true);
  });
});

describe('isInfoComplete', () => {
  it('needs every field, with at least one skill and one link', () => {
    const read = readSettings(COMPLETE);
    if (!read.ok) throw new Error('expected valid settings');

    expect(isInfoComplete(read.settings.info)).toBe(true);
    expect(isInfoComplete({ ...read.settings.info, links: [] })).toBe(false);
    expect(isInfoComplete({ ...read.settings.info, country: '' })).toBe(false);
  });
});
