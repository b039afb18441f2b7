/** Activity feed text both renderers use. */
import type { ActivityItem, ActivityView } from '../core/activity/activity-view.js';
import { formatSigned } from './text.js';

/** "Answer accepted · +15 · 3 hours ago" */
export function toActivityLine(item: ActivityItem): string {
  const parts = [item.description];
  if (item.points !== null) parts.push(formatSigned(item.points));
  parts.push(item.when);
  return parts.join(' · ');
}

export function toActivityTitle(view: ActivityView): string {
  return view.owner.isViewer ? 'Your activity' : `Activity: ${view.owner.displayName}`;
}

export const NO_ACTIVITY_TEXT = 'No public activity yet.';
