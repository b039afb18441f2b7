/** What a leaderboard ranks: the whole tenant, one category or one company (SPEC §10). */
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../catalog/activity-catalog.js';

export type LeaderboardScope =
  | { kind: 'all' }
  | { kind: 'category'; category: Category }
  | { kind: 'company'; key: string; name: string };

/** A scope as a command asks for it: a company by the name the member typed, if any. */
export type ScopeRequest =
  | { kind: 'all' }
  | { kind: 'category'; category: Category }
  | { kind: 'company'; name: string | null };

/** A stable string for the scope, used in stored keys. */
export function toScopeKey(scope: LeaderboardScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all';
    case 'category':
      return `category:${scope.category}`;
    case 'company':
      return `company:${scope.key}`;
  }
}

/** How the scope reads in a title: "everyone", "Community", "Acme". */
export function toScopeLabel(scope: LeaderboardScope): string {
  switch (scope.kind) {
    case 'all':
      return 'Everyone';
    case 'category':
      return CATEGORY_LABELS[scope.category];
    case 'company':
      return scope.name;
  }
}

/** Reads `[category|company <name>|all]`; null when the words name no scope. */
export function parseScopeRequest(words: string[]): ScopeRequest | null {
  const [first, ...rest] = words.map((word) => word.toLowerCase());
  if (first === undefined || (first === 'all' && rest.length === 0)) return { kind: 'all' };

  if (first === 'company') {
    const name = words.slice(1).join(' ').trim();
    return { kind: 'company', name: name === '' ? null : name };
  }
  const category = CATEGORIES.find((candidate) => candidate === first);
  return category && rest.length === 0 ? { kind: 'category', category } : null;
}
