/** A member's personal info and profile visibility (SPEC §6): fields, limits, checks. */
import type { FormField, FormView } from '../forms/form-view.js';
import {
  isWebAddress,
  textOf,
  tooLong,
  type FieldErrors,
  type FormValues,
} from '../forms/form-values.js';

/** What a member tells about themselves on the profile's personal-info card. */
export interface PersonalInfo {
  title: string;
  company: string;
  country: string;
  bio: string;
  skills: string[];
  links: string[];
}

/** Personal info and whether only the member (and admins) may see the profile. */
export interface ProfileSettings {
  info: PersonalInfo;
  private: boolean;
}

export const LIMITS = {
  title: 80,
  company: 80,
  country: 60,
  bio: 500,
  skills: 10,
  skill: 30,
  links: 3,
  link: 200,
} as const;

export const EMPTY_INFO: PersonalInfo = {
  title: '',
  company: '',
  country: '',
  bio: '',
  skills: [],
  links: [],
};

/** Whether every personal-info field is filled in, which earns impact.profile_completed. */
export function isInfoComplete(info: PersonalInfo): boolean {
  const texts = [info.title, info.company, info.country, info.bio];
  return texts.every((text) => text !== '') && info.skills.length > 0 && info.links.length > 0;
}

/** The settings form, filled with the stored settings or with what was submitted. */
export function toSettingsForm(
  settings: ProfileSettings | null,
  submitted: FormValues | null = null,
  errors: FieldErrors = {},
): FormView {
  const info = settings?.info ?? EMPTY_INFO;
  const stored: Record<string, string> = {
    title: info.title,
    company: info.company,
    country: info.country,
    bio: info.bio,
    skills: info.skills.join(', '),
    links: info.links.join('\n'),
    visibility: settings === null ? '' : settings.private ? 'private' : 'public',
  };
  const value = (name: string) => (submitted ? (submitted[name] ?? '') : stored[name]!);
  const text = (field: Omit<FormField, 'value' | 'multiline' | 'required'>): FormField => ({
    multiline: false,
    required: false,
    ...field,
    value: value(field.name),
  });

  return {
    kind: 'form',
    form: 'settings',
    title: 'Profile settings',
    submitLabel: 'Save',
    key: '',
    intents: [],
    errors,
    fields: [
      text({
        name: 'title',
        label: 'Title',
        hint: 'Your role, e.g. Lead developer.',
        maxLength: 80,
      }),
      text({ name: 'company', label: 'Company', hint: 'Where you work.', maxLength: 80 }),
      text({ name: 'country', label: 'Country', hint: 'Where you are based.', maxLength: 60 }),
      {
        ...text({ name: 'bio', label: 'Bio', hint: 'A few lines about you.', maxLength: 500 }),
        multiline: true,
      },
      text({
        name: 'skills',
        label: 'Skills',
        hint: `Up to ${LIMITS.skills}, separated by commas, each up to ${LIMITS.skill} characters.`,
        maxLength: 400,
      }),
      {
        ...text({
          name: 'links',
          label: 'Links',
          hint: `Up to ${LIMITS.links} web addresses (https://…), one per line.`,
          maxLength: 700,
        }),
        multiline: true,
      },
      {
        ...text({
          name: 'visibility',
          label: 'Who sees your profile',
          hint: 'A private profile is seen only by you and the community admins.',
          maxLength: 10,
        }),
        required: true,
        choices: [
          { value: 'public', label: 'Everyone in the community' },
          { value: 'private', label: 'Only me (private)' },
        ],
      },
    ],
  };
}

/** Reads submitted settings; every problem is reported at once, by field. */
export function readSettings(
  values: FormValues,
): { ok: true; settings: ProfileSettings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const check = (name: string, problem: string | null) => {
    if (problem && !errors[name]) errors[name] = problem;
  };

  const texts = (['title', 'company', 'country', 'bio'] as const).map((name) => {
    const value = textOf(values, name);
    check(name, tooLong(value, LIMITS[name]));
    return value;
  });

  const skills = splitList(textOf(values, 'skills'), /,/);
  check('skills', skills.length > LIMITS.skills ? `At most ${LIMITS.skills} skills.` : null);
  for (const skill of skills) check('skills', tooLong(skill, LIMITS.skill));

  const links = splitList(textOf(values, 'links'), /\s+/);
  check('links', links.length > LIMITS.links ? `At most ${LIMITS.links} links.` : null);
  for (const link of links) {
    check('links', tooLong(link, LIMITS.link));
    check('links', isWebAddress(link) ? null : `“${link.slice(0, 40)}” is not a web address.`);
  }

  const visibility = textOf(values, 'visibility');
  if (visibility !== 'public' && visibility !== 'private') {
    check('visibility', 'Choose who sees your profile.');
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const [title, company, country, bio] = texts as [string, string, string, string];
  const info = { title, company, country, bio, skills, links };
  return { ok: true, settings: { info, private: visibility === 'private' } };
}

function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}
