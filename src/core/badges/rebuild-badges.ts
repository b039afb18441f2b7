/** Rebuilding badge progress from the ledger, for every member of a tenant. */
import type { FiguresRepository } from '../scoring/ports.js';
import type { Logger } from '../shared/logger.js';
import type { Badges } from './badges.js';

export interface RebuildBadgesOptions {
  badges: Pick<Badges, 'rebuildBadges'>;
  figures: Pick<FiguresRepository, 'listAll'>;
  logger: Logger;
}

/** Recomputes the badge progress of every member with ledger entries; returns how many. */
export async function rebuildTenantBadges(
  tenant: string,
  options: RebuildBadgesOptions,
): Promise<number> {
  const { totals } = await options.figures.listAll(tenant);
  for (const { member } of totals) await options.badges.rebuildBadges(tenant, member);
  options.logger.info({ tenant, members: totals.length }, 'badge progress rebuilt');
  return totals.length;
}
