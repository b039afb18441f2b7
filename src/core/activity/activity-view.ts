/** The activity feed as members see it. */
import type { CommandAction } from '../profile/profile-view.js';

export interface ActivityItem {
  kind: 'points' | 'badge';
  /** What happened, such as "Answer accepted" or "Badge earned: Helper (level 2)". */
  description: string;
  /** Points it gave; null for a badge. */
  points: number | null;
  /** "3 hours ago". */
  when: string;
}

export interface ActivityView {
  kind: 'activity';
  owner: { userId: string; displayName: string; isViewer: boolean };
  items: ActivityItem[];
  actions: CommandAction[];
}
