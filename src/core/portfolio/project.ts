/** Portfolio projects (SPEC §11): the apps a member built, with what they did for a customer. */
import type { FormField, FormView } from '../forms/form-view.js';
import {
  isWebAddress,
  textOf,
  tooLong,
  type FieldErrors,
  type FormValues,
} from '../forms/form-values.js';

export type ProjectStatus = 'draft' | 'published';

/** What a member writes about a project. */
export interface ProjectContent {
  appName: string;
  customer: string;
  businessNeed: string;
  solution: string;
  results: string;
  /** Optional; empty when none. */
  link: string;
}

export interface Project extends ProjectContent {
  tenant: string;
  member: string;
  /** Short and unique among the member's projects. */
  id: string;
  status: ProjectStatus;
  createdAt: Date;
  updatedAt: Date;
}

type ContentField = keyof ProjectContent;

interface FieldSpec {
  name: ContentField;
  label: string;
  hint: string;
  maxLength: number;
  multiline: boolean;
}

const FIELDS: readonly FieldSpec[] = [
  {
    name: 'appName',
    label: 'App name',
    hint: 'The name people know the app by.',
    maxLength: 80,
    multiline: false,
  },
  {
    name: 'customer',
    label: 'Customer',
    hint: 'Who the app is for: a company, a department, a community.',
    maxLength: 80,
    multiline: false,
  },
  {
    name: 'businessNeed',
    label: 'Business need',
    hint: 'The problem the customer had, in a few sentences.',
    maxLength: 1000,
    multiline: true,
  },
  {
    name: 'solution',
    label: 'Solution',
    hint: 'What you built and how it solves the problem.',
    maxLength: 1000,
    multiline: true,
  },
  {
    name: 'results',
    label: 'Results',
    hint: 'What changed: time saved, users, numbers if you have them.',
    maxLength: 1000,
    multiline: true,
  },
  {
    name: 'link',
    label: 'Link (optional)',
    hint: 'A web address (https://…) to the app, a demo or a write-up.',
    maxLength: 200,
    multiline: false,
  },
];

/** How the editor can be submitted; publishing needs every field but the link. */
export const PUBLISH = 'publish';
export const SAVE_DRAFT = 'draft';

const REQUIRED_TO_PUBLISH = 'Required to publish; or choose Save as Draft.';

/** The project editor, empty for a new project, or filled with a project or a submission. */
export function toProjectForm(
  project: Project | null,
  submitted: FormValues | null = null,
  errors: FieldErrors = {},
  key = project?.id ?? '',
): FormView {
  const fields = FIELDS.map((spec): FormField => ({
    ...spec,
    value: submitted ? (submitted[spec.name] ?? '') : (project?.[spec.name] ?? ''),
    required: spec.name === 'appName',
  }));
  return {
    kind: 'form',
    form: 'project',
    title: project ? 'Edit project' : 'Add project',
    submitLabel: 'Save',
    key,
    fields,
    intents: [
      { value: PUBLISH, label: 'Publish' },
      { value: SAVE_DRAFT, label: 'Save as Draft' },
    ],
    errors,
  };
}

/** Reads a submitted editor; a draft needs only the app name, publishing needs all but a link. */
export function readProject(
  values: FormValues,
  intent: string,
):
  | { ok: true; content: ProjectContent; status: ProjectStatus }
  | { ok: false; errors: FieldErrors } {
  const status: ProjectStatus = intent === SAVE_DRAFT ? 'draft' : 'published';
  const errors: FieldErrors = {};
  const content = {} as ProjectContent;

  for (const spec of FIELDS) {
    const value = textOf(values, spec.name);
    content[spec.name] = value;
    const problem =
      tooLong(value, spec.maxLength) ??
      (value === '' && spec.name === 'appName' ? 'Every project needs a name.' : null) ??
      (value === '' && status === 'published' && spec.name !== 'link'
        ? REQUIRED_TO_PUBLISH
        : null) ??
      (spec.name === 'link' && value !== '' && !isWebAddress(value)
        ? 'Write a web address starting with https://.'
        : null);
    if (problem) errors[spec.name] = problem;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, content, status };
}
