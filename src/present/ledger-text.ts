/** Ledger rows as text, the same on every platform. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { AdminLedgerRow } from '../core/admins/admin-view.js';
import { formatSigned } from './text.js';

dayjs.extend(utc);

/** "#12 · 10 Mar 2026 14:05 UTC · Hackathon won · +300" and what limited it. */
export function toLedgerRowText(row: AdminLedgerRow): string {
  const when = dayjs(row.recordedAt).utc().format('D MMM YYYY HH:mm [UTC]');
  const points =
    row.applied === row.requested
      ? formatSigned(row.applied)
      : `${formatSigned(row.applied)} of ${formatSigned(row.requested)}`;
  const parts = [`#${row.seq}`, when, row.description, points];
  if (row.limited) parts.push(row.limited);
  return parts.join(' · ');
}

/** Who booked it and why, or null when the entry says neither. */
export function toLedgerDetailText(row: AdminLedgerRow): string | null {
  const parts: string[] = [];
  if (row.actor) parts.push(`by ${row.actor}`);
  if (row.note) parts.push(`“${row.note}”`);
  return parts.length > 0 ? parts.join(' ') : null;
}
