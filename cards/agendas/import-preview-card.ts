// What was read from a paste or a ModernGov meeting, for the clerk to check before saving.
import type { AgendaImportPreviewResult } from '../../src/features/agendas/agenda-import-preview.ts';
import { button } from '../kit.ts';
import type { Card } from '../model.ts';
import { md } from '../text.ts';
import { agendaItems } from './agenda-card.ts';

export function importPreviewCard(result: AgendaImportPreviewResult): Card {
  const unread = result.unread.length;
  return {
    fallback: `Check the agenda read from ${result.source === 'paste' ? 'your paste' : 'ModernGov'}: ${result.items.length} items`,
    title: 'Check these items before saving',
    body: [
      { type: 'text', text: result.heading, muted: true },
      { type: 'items', items: agendaItems({ items: result.items }) },
      ...(unread > 0
        ? [
            { type: 'text' as const, text: md`**${unread} line${unread === 1 ? '' : 's'} could not be read** (not saved; add them by hand if needed):`, tone: 'warning' as const },
            { type: 'items' as const, items: result.unread.slice(0, 15).map((u) => ({ title: `Line ${u.line}: ${u.text}`, lines: [u.reason] })) },
          ]
        : []),
      { type: 'text', text: result.effect },
      {
        type: 'actions',
        actions: [
          button('agenda.import.confirm', 'Save these items', { importId: result.importId }, { style: 'primary' }),
          ...(result.canPasteMore && result.meetingId ? [button('agenda.paste.more', 'Paste more', { importId: result.importId, meetingId: result.meetingId })] : []),
          button('agenda.import.discard', 'Discard', { importId: result.importId }),
        ],
      },
    ],
  };
}
