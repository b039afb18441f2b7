/**
 * Forms as Adaptive Cards: an input per field, and one Action.Submit per way to submit. Teams
 * sends the inputs back by id (the field's name) merged with the button's data.
 */
import type { FormField, FormView } from '../../core/forms/form-view.js';

type CardElement = Record<string, unknown> & { type: string };

/** What a form's submit button carries besides the inputs. */
export type FormSubmitData = {
  form: string;
  key: string;
  intent: string;
};

export function presentFormCard(
  view: FormView,
  toCardText: (text: string) => string,
): {
  body: CardElement[];
  actions: { type: 'Action.Submit'; title: string; data: FormSubmitData }[];
} {
  const body: CardElement[] = [
    { type: 'TextBlock', text: toCardText(view.title), size: 'Large', weight: 'Bolder' },
  ];
  if (Object.keys(view.errors).length > 0) {
    const text = 'Some fields need a change; nothing was saved.';
    body.push({ type: 'TextBlock', text, color: 'Attention', wrap: true });
  }
  for (const field of view.fields) body.push(...toInputElements(field, view, toCardText));

  const intents = view.intents.length > 0 ? view.intents : [{ value: '', label: view.submitLabel }];
  const actions = intents.map((intent) => {
    const data: FormSubmitData = { form: view.form, key: view.key, intent: intent.value };
    return { type: 'Action.Submit' as const, title: intent.label, data };
  });
  return { body, actions };
}

function toInputElements(
  field: FormField,
  view: FormView,
  toCardText: (text: string) => string,
): CardElement[] {
  const label = field.required ? `${field.label} (required)` : field.label;
  const input: CardElement = field.choices
    ? {
        type: 'Input.ChoiceSet',
        id: field.name,
        label,
        style: 'expanded',
        ...(field.value ? { value: field.value } : {}),
        choices: field.choices.map((choice) => ({ title: choice.label, value: choice.value })),
      }
    : {
        type: 'Input.Text',
        id: field.name,
        label,
        ...(field.value ? { value: field.value } : {}),
        maxLength: field.maxLength,
        ...(field.multiline ? { isMultiline: true } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
      };
  const hint = { type: 'TextBlock', text: field.hint, isSubtle: true, spacing: 'None' };
  const elements: CardElement[] = [input, { ...hint, size: 'Small', wrap: true }];
  const error = view.errors[field.name];
  if (error) {
    elements.push({ type: 'TextBlock', text: toCardText(error), color: 'Attention', wrap: true });
  }
  return elements;
}
