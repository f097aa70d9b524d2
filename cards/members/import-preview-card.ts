// What was read from a pasted membership list, for the clerk to check before saving: each person
// understood (name, title, organisation, role, email), then every line that could not be read.
import type { MemberImportPreviewResult, MemberImportRow } from '../../src/features/members/member-import-preview.ts';
import { button } from '../kit.ts';
import type { Card, Element } from '../model.ts';
import { md } from '../text.ts';

const ROLE_WORDS: Record<MemberImportRow['role'], string> = { member: 'Member', observer: 'Observer', officer: 'Officer', adviser: 'Adviser (also attends)' };
/** Lines not read, shown one by one; the rest are counted. */
const UNREAD_SHOWN = 15;
/** People shown in the table: a Teams message holds about 28 KB, which 30 rows and the lines not read stay within. The
 * rest are counted, never dropped silently, and all are saved. */
export const ROWS_SHOWN = 30;

function roleOf(row: MemberImportRow): string {
  const board = row.boardRole ? `${row.boardRole[0]?.toUpperCase()}${row.boardRole.slice(1)}` : '';
  return [board, board && row.role === 'member' ? '' : ROLE_WORDS[row.role]].filter(Boolean).join(', ');
}

export function memberImportPreviewCard(result: MemberImportPreviewResult): Card {
  const fresh = result.rows.filter((r) => !r.onRoster).length;
  const already = result.rows.length - fresh;
  const unread = result.unread.length;
  const body: Element[] = [
    { type: 'text', text: `${result.rows.length} ${result.rows.length === 1 ? 'person' : 'people'} read for ${result.board.name}${result.format === 'csv' ? ' from the CSV' : ''}.`, muted: true },
    {
      type: 'table',
      columns: [{ title: 'Line', align: 'right' }, { title: 'Name' }, { title: 'Title' }, { title: 'Organisation' }, { title: 'Role' }, { title: 'Email' }],
      rows: result.rows.slice(0, ROWS_SHOWN).map((r) => [
        String(r.line),
        r.onRoster ? `${r.name} (on the roster)` : r.name,
        r.title ?? '',
        r.organisation ? `${r.organisation}${r.shortName ? ` (${r.shortName})` : ''}` : '',
        roleOf(r),
        r.email ?? '',
      ]),
    },
  ];
  if (result.rows.length > ROWS_SHOWN) body.push({ type: 'context', text: `Showing the first ${ROWS_SHOWN} of ${result.rows.length} people read (to line ${result.rows[ROWS_SHOWN - 1]?.line}); the rest are saved with them.` });
  if (unread > 0) {
    body.push(
      { type: 'text', text: md`**${unread} line${unread === 1 ? '' : 's'} could not be read** (not saved; add them by hand if needed):`, tone: 'warning' },
      { type: 'items', items: result.unread.slice(0, UNREAD_SHOWN).map((u) => ({ title: `Line ${u.line}: ${u.text}`, lines: [u.reason] })) },
    );
    if (unread > UNREAD_SHOWN) body.push({ type: 'context', text: `and ${unread - UNREAD_SHOWN} more lines not read.` });
  }
  body.push(
    {
      type: 'text',
      text: `Saving adds ${fresh} ${fresh === 1 ? 'person' : 'people'}${already > 0 ? ` (${already} already on the roster ${already === 1 ? 'is' : 'are'} left as they are)` : ''}, with their organisations, and links those with an email to their account.`,
    },
    {
      type: 'actions',
      actions: [
        button('members.import.save', 'Save these people', { importId: result.importId }, { style: 'primary' }),
        ...(result.canPasteMore ? [button('members.import.more', 'Paste more', { importId: result.importId })] : []),
        button('members.import.discard', 'Discard', { importId: result.importId }),
      ],
    },
  );
  return { fallback: `Check the ${result.rows.length} people read from your paste`, title: 'Check these people before saving', body };
}
