/** Routes a submitted form to the use case that owns it. */
import type { Portfolio } from '../portfolio/portfolio.js';
import type { ProfileSettingsUseCases } from '../profile/profile-settings.js';
import type { View } from '../profile/profile-view.js';
import type { FormName } from './form-view.js';
import type { FormOutcome, FormValues } from './form-values.js';

/** A form as it comes back from a platform. */
export interface FormSubmission {
  form: FormName;
  /** What the form edits, as the form view carried it. */
  key: string;
  /** How the member chose to submit it, such as "draft"; empty when the form has one way. */
  intent: string;
  values: FormValues;
}

export interface SubmitFormOptions {
  profileSettings: ProfileSettingsUseCases;
  portfolio: Pick<Portfolio, 'submit'>;
}

/** Submits a form for the member who filled it in. */
export type SubmitForm = (
  member: { tenant: string; userId: string },
  submission: FormSubmission,
) => Promise<FormOutcome<View>>;

/** Whether the text names a form this product shows. */
export function isFormName(text: unknown): text is FormName {
  return text === 'settings' || text === 'project';
}

export function createSubmitForm(options: SubmitFormOptions): SubmitForm {
  return async (member, submission) => {
    switch (submission.form) {
      case 'settings':
        return options.profileSettings.submit(member, submission.values);
      case 'project':
        return options.portfolio.submit(
          member,
          submission.key,
          submission.intent,
          submission.values,
        );
    }
  };
}
