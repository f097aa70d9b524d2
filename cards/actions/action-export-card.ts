// The answer to "actions export": how many actions, which ones, and the link to the CSV file.
import type { ActionExportResult } from '../../src/features/actions/export-actions.ts';
import { link } from '../kit.ts';
import type { Card, Element } from '../model.ts';

export function actionExportCard(r: ActionExportResult): Card {
  const what = `${r.count} action${r.count === 1 ? '' : 's'} ${r.scope}`;
  const body: Element[] = [
    { type: 'text', text: r.count === 0 ? `No actions ${r.scope}; the file has the column headings only.` : `The action log of ${r.boardName} as a CSV file: ${what}.` },
    { type: 'actions', actions: [link('Download CSV', r.url)] },
    { type: 'context', text: `The link works until ${r.expires}. Anyone with it can download the file: share it with care.` },
  ];
  if (r.exemptLeftOut) body.push({ type: 'context', text: 'Exempt actions are left out here, where others can see the answer; ask in your own chat with Quorum for the full log.' });
  return { fallback: `Action log export: ${what}`, title: `Action log: ${r.boardName}`, body };
}
