/**
 * Forms both platforms show: a Slack modal or a Teams card with inputs. The core describes the
 * fields once; a submission comes back as plain values by field name.
 */
import type { FieldErrors } from './form-values.js';

/** Which form it is; a submission names it to find its handler. */
export type FormName = 'settings' | 'project';

/** One choice of a choice field. */
export interface FormChoice {
  value: string;
  label: string;
}

/** One input of a form. */
export interface FormField {
  name: string;
  label: string;
  /** Shown under the input: what to write, and any limit. */
  hint: string;
  value: string;
  /** Longest text accepted; the platforms enforce it as the member types where they can. */
  maxLength: number;
  multiline: boolean;
  /** Required whatever the member chooses to do with the form. */
  required: boolean;
  placeholder?: string;
  /** Offered instead of free text when present. */
  choices?: FormChoice[];
}

/** A way to submit the form, such as Publish or Save as Draft. */
export interface FormIntent {
  value: string;
  label: string;
}

export interface FormView {
  kind: 'form';
  form: FormName;
  title: string;
  submitLabel: string;
  /** What the form edits, such as a project id; empty for a new one. */
  key: string;
  fields: FormField[];
  /** Two or more when the member chooses how to submit; the first is the default. */
  intents: FormIntent[];
  /** Problems with the last submission, by field name. */
  errors: FieldErrors;
}
