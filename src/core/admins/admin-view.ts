/** What admins see of a member's ledger: the newest entries, with reasons and who gave them. */
import type { CommandAction } from '../profile/profile-view.js';

/** One ledger entry as an admin reads it. */
export interface AdminLedgerRow {
  seq: number;
  /** The activity's name, "Penalty", or what a reversal took back. */
  description: string;
  requested: number;
  applied: number;
  /** Why less was applied than asked, in words; null when all was applied. */
  limited: string | null;
  actor: string | null;
  note: string | null;
  recordedAt: Date;
}

export interface AdminLedgerView {
  kind: 'admin_ledger';
  subject: { userId: string; displayName: string };
  total: number;
  rows: AdminLedgerRow[];
  actions: CommandAction[];
}
