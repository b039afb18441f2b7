/** Renders admin views in Block Kit. */
import type { types } from '@slack/bolt';
import type { AdminLedgerView } from '../../core/admins/admin-view.js';
import { toLedgerDetailText, toLedgerRowText } from '../../present/ledger-text.js';
import { formatNumber } from '../../present/text.js';
import { escapeText, header } from './blocks.js';

/** A member's newest ledger entries, one section each. */
export function presentAdminLedger(view: AdminLedgerView): {
  text: string;
  blocks: types.KnownBlock[];
} {
  const rows = view.rows.map((row): types.KnownBlock => {
    const detail = toLedgerDetailText(row);
    const text = escapeText(toLedgerRowText(row)) + (detail ? `\n_${escapeText(detail)}_` : '');
    return { type: 'section', text: { type: 'mrkdwn', text } };
  });
  return {
    text: `Ledger of ${view.subject.displayName}: ${view.rows.length} newest entries`,
    blocks: [
      header(`Ledger: ${view.subject.displayName}`),
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Total ${formatNumber(view.total)} points` }],
      },
      ...(rows.length > 0
        ? rows
        : [{ type: 'section', text: { type: 'mrkdwn', text: 'No entries yet.' } } as const]),
    ],
  };
}
