/** Renders admin views as Adaptive Card bodies. */
import type { AdminLedgerView } from '../../core/admins/admin-view.js';
import { toLedgerDetailText, toLedgerRowText } from '../../present/ledger-text.js';
import { formatNumber } from '../../present/text.js';

type CardElement = Record<string, unknown> & { type: string };

/** A member's newest ledger entries, one text block each. */
export function presentAdminLedgerBody(
  view: AdminLedgerView,
  toCardText: (text: string) => string,
): { text: string; body: CardElement[] } {
  const rows = view.rows.flatMap((row): CardElement[] => {
    const detail = toLedgerDetailText(row);
    const line = { type: 'TextBlock', text: toCardText(toLedgerRowText(row)), wrap: true };
    if (!detail) return [line];
    const note = { type: 'TextBlock', text: toCardText(detail), isSubtle: true, spacing: 'None' };
    return [line, { ...note, wrap: true }];
  });
  return {
    text: `Ledger of ${view.subject.displayName}: ${view.rows.length} newest entries`,
    body: [
      {
        type: 'TextBlock',
        text: `Ledger: ${toCardText(view.subject.displayName)}`,
        size: 'Large',
        weight: 'Bolder',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: `Total ${formatNumber(view.total)} points`,
        isSubtle: true,
        spacing: 'None',
      },
      ...(rows.length > 0 ? rows : [{ type: 'TextBlock', text: 'No entries yet.' }]),
    ],
  };
}
