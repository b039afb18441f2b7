/** Modal submissions (view_submission) signed as Slack signs them. */
import { signSlackBody } from './slack-requests.js';

/** Slack's view state from values by field name; choice fields give a selected option. */
export function toViewState(
  values: Record<string, string | undefined>,
  choiceFields: string[] = ['visibility', 'intent'],
) {
  const state: Record<string, Record<string, unknown>> = {};
  for (const [name, value] of Object.entries(values)) {
    state[name] = {
      [name]: choiceFields.includes(name)
        ? { type: 'radio_buttons', selected_option: value === undefined ? null : { value } }
        : { type: 'plain_text_input', value: value ?? null },
    };
  }
  return { values: state };
}

/** Posts a view_submission of the modal form and returns the status and the JSON answer. */
export async function postViewSubmission(
  baseUrl: string,
  input: {
    userId: string;
    metadata: { form: string; key: string };
    values: Record<string, string | undefined>;
    teamId?: string;
    /** Fields added at the payload's top level, as a forged payload might carry them. */
    extra?: Record<string, unknown>;
  },
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const payload = {
    type: 'view_submission',
    team: { id: input.teamId ?? 'T0TEST', domain: 'test' },
    user: { id: input.userId, username: input.userId.toLowerCase(), team_id: 'T0TEST' },
    api_app_id: 'A0APP',
    token: 'deprecated-verification-token',
    trigger_id: '123.456.ghi',
    view: {
      id: 'V0MODAL',
      team_id: input.teamId ?? 'T0TEST',
      type: 'modal',
      callback_id: 'mendix_form',
      private_metadata: JSON.stringify(input.metadata),
      state: toViewState(input.values),
      hash: '1700000000.abc',
    },
    response_urls: [],
    ...input.extra,
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${baseUrl}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signSlackBody(body, timestamp),
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}
