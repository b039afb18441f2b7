/** Small Adaptive Card builders shared by the renderers of badges, challenges and the shop. */
import type { CommandAction } from '../../core/profile/profile-view.js';

export type CardElement = Record<string, unknown> & { type: string };

/** A button whose data comes back as a command, like a typed one. */
export function toSubmitAction(action: CommandAction) {
  return { type: 'Action.Submit', title: action.label, data: { command: action.command } };
}

/** Buttons placed inside the card's body, next to what they act on. */
export function actionSet(actions: CommandAction[]): CardElement {
  return { type: 'ActionSet', actions: actions.map(toSubmitAction) };
}

export function textBlock(text: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function headingBlock(text: string): CardElement {
  return textBlock(text, { size: 'Large', weight: 'Bolder' });
}

export function subheadingBlock(text: string): CardElement {
  return textBlock(text, { weight: 'Bolder', spacing: 'Medium' });
}

/**
 * Text from members, shown as written: card text is markdown, so a link in a name would
 * become a link in a card the bot wrote.
 */
export function toPlainCardText(text: string): string {
  return text.replace(/\]\(/g, ']\u200B(').replace(/</g, '\uFF1C');
}
