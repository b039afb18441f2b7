/**
 * Forms as Slack modals. Each field is an input block whose block id and action id are the
 * field's name, so that a submission's values and Slack's field errors use the same names.
 */
import type { types } from '@slack/bolt';
import type { FormField, FormView } from '../../core/forms/form-view.js';

/** The callback id of every modal form; its private metadata says which form it is. */
export const FORM_CALLBACK_ID = 'mendix_form';

/** The field that carries the member's choice of how to submit, when a form has several. */
export const INTENT_FIELD = 'intent';

/** What a modal carries back in its private metadata. */
export interface FormMetadata {
  form: string;
  key: string;
}

type ModalView = types.ModalView;
type InputBlock = types.InputBlock;

/** Slack limits a modal's title to 24 characters and a hint to 2000. */
const TITLE_MAX = 24;

export function presentSlackModal(view: FormView): ModalView {
  const blocks: types.KnownBlock[] = view.fields.map(toInputBlock);
  if (view.intents.length > 1) blocks.push(toIntentBlock(view));
  const metadata: FormMetadata = { form: view.form, key: view.key };
  return {
    type: 'modal',
    callback_id: FORM_CALLBACK_ID,
    private_metadata: JSON.stringify(metadata),
    title: plain(view.title.slice(0, TITLE_MAX)),
    submit: plain(view.submitLabel),
    close: plain('Cancel'),
    blocks,
  };
}

function toInputBlock(field: FormField): InputBlock {
  const base = {
    type: 'input' as const,
    block_id: field.name,
    label: plain(field.label),
    hint: plain(field.hint),
    optional: !field.required,
  };
  if (field.choices) {
    const options = field.choices.map((choice) => ({
      text: plain(choice.label),
      value: choice.value,
    }));
    const initial = options.find((option) => option.value === field.value);
    return {
      ...base,
      element: {
        type: 'radio_buttons',
        action_id: field.name,
        options,
        ...(initial ? { initial_option: initial } : {}),
      },
    };
  }
  return {
    ...base,
    element: {
      type: 'plain_text_input',
      action_id: field.name,
      multiline: field.multiline,
      max_length: field.maxLength,
      ...(field.value ? { initial_value: field.value } : {}),
      ...(field.placeholder ? { placeholder: plain(field.placeholder) } : {}),
    },
  };
}

function toIntentBlock(view: FormView): InputBlock {
  const options = view.intents.map((intent) => ({
    text: plain(intent.label),
    value: intent.value,
  }));
  return {
    type: 'input',
    block_id: INTENT_FIELD,
    label: plain('When saving'),
    element: {
      type: 'radio_buttons',
      action_id: INTENT_FIELD,
      options,
      initial_option: options[0]!,
    },
  };
}

/** The values of a submitted modal by field name, from Slack's view state. */
export function toFormValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  const blocks = (state as { values?: Record<string, Record<string, unknown>> })?.values ?? {};
  for (const [blockId, actions] of Object.entries(blocks)) {
    const input = actions[blockId] as
      { value?: string | null; selected_option?: { value?: string } | null } | undefined;
    const value = input?.selected_option?.value ?? input?.value;
    if (typeof value === 'string') values[blockId] = value;
  }
  return values;
}

function plain(text: string) {
  return { type: 'plain_text' as const, text };
}
