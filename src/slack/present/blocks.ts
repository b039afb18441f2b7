/** The Block Kit builders every Slack renderer uses, within Slack's limits. */
import type { types } from '@slack/bolt';
import type { CommandAction } from '../../core/profile/profile-view.js';

export type KnownBlock = types.KnownBlock;

/** Slack's limits: blocks in a message, characters in a header, a section, a button label. */
const MAX_MESSAGE_BLOCKS = 50;
const HEADER_MAX = 150;
const SECTION_MAX = 3000;
const BUTTON_LABEL_MAX = 75;

/** Buttons that run a command carry action ids starting with this. */
export const COMMAND_BUTTON_PREFIX = 'run_command_';

export function header(text: string): KnownBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: clip(text, HEADER_MAX), emoji: true },
  };
}

export function section(text: string, action?: CommandAction | null): KnownBlock {
  const block: KnownBlock = { type: 'section', text: markdown(clip(text, SECTION_MAX)) };
  return action ? { ...block, accessory: toButton(action, 0) } : block;
}

export function context(text: string): KnownBlock {
  return { type: 'context', elements: [markdown(clip(text, SECTION_MAX))] };
}

/** One actions block with a button per action; none without actions. */
export function buttons(actions: CommandAction[]): KnownBlock[] {
  if (actions.length === 0) return [];
  return [{ type: 'actions', elements: actions.slice(0, 25).map(toButton) }];
}

function toButton(action: CommandAction, index: number) {
  return {
    type: 'button' as const,
    action_id: `${COMMAND_BUTTON_PREFIX}${index}`,
    text: { type: 'plain_text' as const, text: clip(action.label, BUTTON_LABEL_MAX) },
    value: action.command,
  };
}

export function markdown(text: string) {
  return { type: 'mrkdwn' as const, text };
}

/** Slack reads &, < and > as markup in mrkdwn. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Keeps a message within Slack's block limit: the last block (the buttons) stays, and a
 * note says the rest was left off.
 */
export function withinBlockLimit(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= MAX_MESSAGE_BLOCKS) return blocks;
  const last = blocks[blocks.length - 1]!;
  const kept = blocks.slice(0, MAX_MESSAGE_BLOCKS - 2);
  return [...kept, context('More was left off; use the buttons to page on.'), last];
}
