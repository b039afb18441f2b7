/** Talking to the Teams bot as a member would, and reading the cards it answers with. */
import { expect } from 'vitest';
import { expectValidAdaptiveCard } from './adaptive-cards.js';
import type { BotFrameworkRecorder } from './bot-framework-recorder.js';
import { buildActivity, postActivity } from './teams-activities.js';

export interface Card {
  version: string;
  body: Record<string, unknown>[];
  actions?: { type: string; title: string; data: Record<string, unknown> }[];
}

export interface TeamsUser {
  id: string;
  aadObjectId: string;
  name: string;
}

/** All text of a card, to assert on what a member reads. */
export function readCard(card: Card): string {
  return (JSON.stringify(card.body).match(/"(?:text|title|value|label)":"[^"]*"/g) ?? [])
    .map((pair) => pair.replace(/^"\w+":"|"$/g, ''))
    .join('\n');
}

/** Sends a message (text, or a card's submitted value) and returns the reply's card. */
export async function sendToBot(
  baseUrl: string,
  connector: BotFrameworkRecorder,
  from: TeamsUser,
  message: { text?: string; value?: Record<string, unknown> },
): Promise<{ text: string; card: Card }> {
  const activity = buildActivity(
    'message',
    { serviceUrl: connector.serviceUrl, from },
    { text: message.text, value: message.value },
  );
  const response = await postActivity(baseUrl, activity);
  expect(response.status).toBe(200);
  // The reply to this message, not a direct message the bot sent to someone meanwhile.
  const isReply = (sent: { body: Record<string, unknown> }) => sent.body.replyToId === activity.id;
  for (let count = connector.sent.length; !connector.sent.some(isReply);) {
    await connector.waitForSent(++count);
  }
  const reply = connector.sent.find(isReply)!.body as {
    text: string;
    attachments: { content: Card }[];
  };
  const card = reply.attachments[0]!.content;
  expectValidAdaptiveCard(card);
  return { text: reply.text, card };
}
