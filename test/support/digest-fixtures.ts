/** Helpers for digest tests: subscriptions stored directly, and reading posted digests. */
import {
  toRevision,
  type DigestDay,
  type DigestSubscription,
} from '../../src/core/digests/digest-subscription.js';
import type { RecordedCall } from './slack-recorder.js';

/** A subscription of a channel, created at `createdAt`: no digest is due before it. */
export function buildSubscription(
  tenant: string,
  channelId: string,
  createdAt: string,
  fields: Partial<DigestSubscription> = {},
): DigestSubscription {
  return {
    id: `${tenant}|${channelId}`,
    tenant,
    channelId,
    scope: { kind: 'all' },
    time: '09:00',
    timeZone: 'Europe/Amsterdam',
    createdBy: 'UADMIN',
    createdAt: new Date(createdAt),
    active: true,
    ...fields,
  };
}

/** One day of a subscription, as its attempts and posted marker are keyed. */
export function dayOf(subscription: DigestSubscription, day: string): DigestDay {
  return { subscriptionId: subscription.id, revision: toRevision(subscription), day };
}

/** The `_id` of the marker that a subscription's day was posted. */
export function markerIdOf(subscription: DigestSubscription, day: string): string {
  return `digest|${subscription.id}|${toRevision(subscription)}|${day}|posted`;
}

interface Block {
  type: string;
  text?: { text: string };
  elements?: { text: string }[];
}

/** Every text of a Slack message's blocks, one per line. */
export function readSlackMessage(call: RecordedCall): string {
  const blocks = JSON.parse(String(call.body.blocks ?? '[]')) as Block[];
  return blocks
    .flatMap((block) => [block.text?.text, ...(block.elements ?? []).map((e) => e.text)])
    .filter(Boolean)
    .join('\n');
}
