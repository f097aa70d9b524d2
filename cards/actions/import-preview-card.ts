// Actions read from pasted minutes, for the clerk to check before saving: each with its agenda item
// and heading, its description and its owners as matched to the roster (the ones not matched said
// so beside them), what to check, the lines that could not be read, and Save / Paste more / Discard.
import type { ActionImportPreviewResult, ImportedAction } from '../../src/features/actions/action-import-preview.ts';
import { button } from '../kit.ts';
import type { Card, Element, ItemEntry } from '../model.ts';
import { em, joined, md } from '../text.ts';

const DESCRIPTION_SHOWN = 300;

function ownersLine(a: ImportedAction) {
  if (a.owners.length === 0) return md`**Owners:** none named`;
  return md`**Owners:** ${joined('; ', a.owners.map((o) => (o.memberId ? (o.name && o.name !== o.asWritten ? `${o.asWritten} = ${o.name}` : (o.name ?? o.asWritten)) : `${o.asWritten}: ${o.problem ?? 'not matched'}`)))}`;
}

function entry(a: ImportedAction): ItemEntry {
  const item = a.itemNumber ? `${a.itemNumber} ${a.itemHeading ?? ''}`.trim() : 'No agenda item heading';
  const description = a.description ? (a.description.length > DESCRIPTION_SHOWN ? `${a.description.slice(0, DESCRIPTION_SHOWN - 1)}\u2026` : a.description) : '(no description)';
  return {
    title: md`**${item}** (line ${a.line})${a.saves ? '' : md` \u2014 **not saved**`}`,
    lines: [description, ownersLine(a), ...a.doubts.map((d) => md`${em('Check:')} ${d}`)],
  };
}

export function importPreviewCard(result: ActionImportPreviewResult): Card {
  const doubtful = result.doubtful.length;
  const body: Element[] = [
    { type: 'text', text: result.heading, muted: true },
    result.actions.length > 0 ? { type: 'items', items: result.actions.map(entry) } : { type: 'text', text: 'No actions were read.' },
  ];
  if (doubtful > 0) {
    body.push(
      { type: 'text', text: md`**${doubtful} line${doubtful === 1 ? '' : 's'} looked like ${doubtful === 1 ? 'an action' : 'actions'} but could not be read** (not saved; record by hand if needed):`, tone: 'warning' },
      { type: 'items', items: result.doubtful.map((d) => ({ title: `Line ${d.line}: ${d.text}`, lines: [d.reason] })) },
    );
  }
  body.push(
    { type: 'text', text: result.effect },
    {
      type: 'actions',
      actions: [
        ...(result.actions.some((a) => a.saves) ? [button('action.import.save', 'Save these actions', { importId: result.importId }, { style: 'primary' })] : []),
        ...(result.canPasteMore ? [button('action.paste.more', 'Paste more', { importId: result.importId, meetingId: result.meetingId })] : []),
        button('action.import.discard', 'Discard', { importId: result.importId }),
      ],
    },
  );
  return {
    fallback: `Check the actions read from the minutes: ${result.actions.length} found`,
    title: 'Check these actions before saving',
    body,
  };
}
