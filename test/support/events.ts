/** Builders for activity events. */
import type { ActivityEvent } from '../../src/core/scoring/activity-event.js';

export const TENANT = 'slack:T0TEST';

export function buildEvent(overrides: Partial<ActivityEvent> = {}): ActivityEvent {
  return {
    tenant: TENANT,
    source: 'forum',
    eventId: `event-${Math.random().toString(36).slice(2)}`,
    activity: 'community.upvote_received',
    member: { kind: 'user', userId: 'U_ADA' },
    actor: null,
    occurredAt: new Date('2026-03-10T10:00:00Z'),
    reverses: null,
    public: true,
    meta: null,
    ...overrides,
  };
}
