/** What leaderboards need from storage. */
import type { Company } from '../members/company.js';
import type { Board, RecentDays, Standing } from './standings.js';

export interface LeaderboardRepository {
  /** Every member of the tenant with stored figures, with name and company. */
  listStandings(tenant: string): Promise<Standing[]>;
  /** The members' current recent days, found one by one; members without figures are left out. */
  findRecent(tenant: string, members: string[]): Promise<Map<string, RecentDays>>;
  /** The stored board of the scope, or null. */
  findBoard(tenant: string, scopeKey: string): Promise<Board | null>;
  /** The companies that had a board when boards were last stored, or null before the first. */
  findCompanies(tenant: string): Promise<Company[] | null>;
  /** Stores the boards and removes the tenant's company boards that are not among them. */
  saveBoards(tenant: string, boards: Board[]): Promise<void>;
}
