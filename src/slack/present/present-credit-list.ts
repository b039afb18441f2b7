/** The Slack layout the challenges and the shop share: a titled list beside the credit balance. */
import type { CommandAction } from '../../core/profile/profile-view.js';
import { toCreditsText } from '../../present/challenge-text.js';
import {
  buttons,
  context,
  escapeText,
  header,
  section,
  withinBlockLimit,
  type KnownBlock,
} from './blocks.js';

export interface CreditList {
  title: string;
  /** What the last action did, or why it changed nothing. */
  message: string | null;
  credits: number;
  /** Shown when there are no lines. */
  emptyText: string;
  /** One section each, in mrkdwn already escaped, with its button. */
  lines: { text: string; action: CommandAction | null }[];
  actions: CommandAction[];
}

/** The blocks of a credit list, within Slack's block limit. */
export function presentCreditListBlocks(list: CreditList): KnownBlock[] {
  const blocks: KnownBlock[] = [header(list.title)];
  if (list.message) blocks.push(section(`:information_source: ${escapeText(list.message)}`));
  blocks.push(context(toCreditsText(list.credits)));
  if (list.lines.length === 0) blocks.push(section(list.emptyText));
  blocks.push(...list.lines.map((line) => section(line.text, line.action)));
  blocks.push(...buttons(list.actions));
  return withinBlockLimit(blocks);
}
