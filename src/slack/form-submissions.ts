/**
 * Submitted modal forms (`view_submission`): values by field name go to the core; problems come
 * back as Slack's field errors and nothing is stored; a stored form turns into its answer.
 */
import type { App, types } from '@slack/bolt';
import { isFormName, type SubmitForm } from '../core/forms/submit-form.js';
import type { View } from '../core/profile/profile-view.js';
import type { Logger } from '../core/shared/logger.js';
import { FORM_CALLBACK_ID, INTENT_FIELD, toFormValues } from './present/present-form.js';
import { presentSlackMessage } from './present/present-slack.js';
import type { PublishHome } from './app-home.js';
import { toSlackRequester } from './slack-identity.js';

export interface FormSubmissionOptions {
  submitForm: SubmitForm;
  /** Runs after a member's own change, such as refreshing their App Home. */
  afterChange?: PublishHome;
  logger: Logger;
}

const UNREADABLE = 'This form could not be read; please open it again.';

export function registerFormSubmissions(app: App, options: FormSubmissionOptions): void {
  const logger = options.logger.child({ module: 'slack-forms' });

  app.view(FORM_CALLBACK_ID, async ({ ack, body, view, client }) => {
    const requester = toSlackRequester({
      team_id: body.team?.id,
      enterprise_id: body.enterprise?.id,
      user_id: body.user?.id,
    });
    const metadata = readMetadata(view.private_metadata);
    if (!requester || !metadata) {
      await ack({ response_action: 'update', view: toAnswerModal(failure(UNREADABLE)) });
      return;
    }

    const values = toFormValues(view.state);
    const outcome = await options.submitForm(requester, {
      ...metadata,
      intent: values[INTENT_FIELD] ?? '',
      values,
    });
    const fields = { ...requester, member: requester.userId, form: metadata.form };
    if (!outcome.ok) {
      await ack({ response_action: 'errors', errors: outcome.errors });
      logger.debug({ ...fields, fields: Object.keys(outcome.errors) }, 'form refused');
      return;
    }
    await ack({ response_action: 'update', view: toAnswerModal(outcome.view) });
    logger.debug(fields, 'form stored');
    try {
      await options.afterChange?.(client, requester.tenant, requester.userId);
    } catch (error) {
      logger.warn({ ...fields, err: error }, 'follow-up of a stored form failed');
    }
  });
}

function readMetadata(text: string): { form: 'settings' | 'project'; key: string } | null {
  try {
    const parsed = JSON.parse(text) as { form?: unknown; key?: unknown };
    if (!isFormName(parsed.form) || typeof parsed.key !== 'string') return null;
    return { form: parsed.form, key: parsed.key.slice(0, 100) };
  } catch {
    return null;
  }
}

/** The answer to a stored form, shown in place of the form; buttons belong in messages. */
function toAnswerModal(view: View): types.ModalView {
  const { blocks } = presentSlackMessage(view);
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Done' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: blocks.filter((block) => block.type !== 'actions'),
  };
}

function failure(message: string): View {
  return { kind: 'failure', message };
}
