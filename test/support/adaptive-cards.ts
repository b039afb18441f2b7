/** Checks a card with the Adaptive Cards library, as Teams would read it. */
import * as AdaptiveCards from 'adaptivecards';
import { expect } from 'vitest';

/** Fails the test unless the card parses without errors or warnings at schema 1.5 or lower. */
export function expectValidAdaptiveCard(json: unknown): void {
  const card = json as { version?: string };
  expect(Number(card.version)).toBeLessThanOrEqual(1.5);

  const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
  const parsed = new AdaptiveCards.AdaptiveCard();
  parsed.parse(json, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i));
  const validation = parsed.validateProperties().validationEvents;

  expect([...events, ...validation].map((event) => event.message)).toEqual([]);
  // Properties the library does not know are dropped when it writes the card back.
  expect(toKeyPaths(parsed.toJSON(context))).toEqual(expect.arrayContaining(toKeyPaths(json)));
}

function toKeyPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => toKeyPaths(item, `${prefix}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'data'
      ? [`${prefix}.${key}`]
      : [`${prefix}.${key}`, ...toKeyPaths(inner, `${prefix}.${key}`)],
  );
}
