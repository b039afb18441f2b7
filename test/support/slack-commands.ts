/** Sending `/mendix` commands to the app and reading what it answers, as a member would. */
import { expect } from 'vitest';
import type { SlackRecorder } from './slack-recorder.js';
import { postSlashCommand } from './slack-requests.js';

export interface Block {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string | { text: string }; action_id?: string; value?: string }[];
}

export interface SlackAnswer {
  response_type: string;
  text: string;
  blocks: Block[];
}

/** All text of a message's blocks, to assert on what a member reads. */
export function readBlocks(blocks: Block[]): string {
  return blocks
    .flatMap((block) => [
      block.text?.text,
      ...(block.fields ?? []).map((field) => field.text),
      ...(block.elements ?? []).map((element) =>
        typeof element.text === 'string' ? element.text : element.text?.text,
      ),
    ])
    .filter(Boolean)
    .join('\n');
}

/** Returns a function that sends a command and resolves with the answer via response_url. */
export function createAsker(slack: SlackRecorder, baseUrl: () => string, prefix: string) {
  let count = 0;
  return async function ask(text: string, userId: string): Promise<SlackAnswer> {
    const name = `${prefix}-${++count}`;
    const ack = await postSlashCommand(baseUrl(), {
      text,
      userId,
      responseUrl: slack.responseUrl(name),
    });
    expect(ack.status).toBe(200);
    return (await slack.waitFor(`/respond/${name}`)).body as unknown as SlackAnswer;
  };
}
