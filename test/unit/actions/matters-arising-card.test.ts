// The matters arising card at its largest: long texts, many actions in every section. It stays
// within both platforms' limits, shows a dozen per section and counts the rest.
import { describe, expect, it } from 'vitest';
import { SECTION_MAX, mattersArisingMessageCard, mattersArisingResultCard } from '../../../cards/actions/matters-arising-card.ts';
import { expectValidCard } from '../../../cards/validate/expect-valid.ts';
import type { MattersArisingView } from '../../../src/features/actions/matters-arising-view.ts';

const entry = (n: number, state: 'open' | 'overdue' | 'done' | 'dropped') => ({
  id: `a${state}${n}`,
  description: `${state} ${n} ${'x'.repeat(990)}`,
  state,
  ...(state === 'done' || state === 'dropped' ? { closedOn: 'Thu 3 Dec 2026' } : {}),
  ...(state === 'dropped' ? { statusReason: 'r'.repeat(500) } : {}),
  due: 'Thu 3 Dec 2026',
  dueIso: '2026-12-03',
  owners: ['Richard Norfolk', 'Asha Hirani', 'Cllr Krishna Suresh'],
  recordedAt: 'Fri 20 Nov 2026, 10:00',
  item: '5. Police Update',
  latestUpdate: { text: 'u'.repeat(1000), by: 'Richard Norfolk', when: 'Mon 30 Nov 2026, 09:00' },
});
const many = (state: 'overdue' | 'done' | 'dropped') => Array.from({ length: 30 }, (_, n) => entry(n, state));
const report: MattersArisingView = { boardName: 'Safer Communities Partnership Board', meeting: { id: 'm1', title: 'SCPB', short: 'Fri 22 Jan 2027, 10:00' }, previous: 'Fri 20 Nov 2026, 10:00', carried: many('overdue'), done: many('done'), dropped: many('dropped'), withheld: 2, item: '4. Matters Arising' };

describe('the matters arising card', () => {
  it('stays within the limits with thirty actions in each section, showing twelve of each', () => {
    const answer = JSON.stringify(expectValidCard(mattersArisingResultCard({ kind: 'matters-arising', notice: 'Posted.', report, canPost: true, canAttach: true })));
    expect(answer).toContain(`overdue ${SECTION_MAX - 1} `);
    expect(answer).not.toContain(`overdue ${SECTION_MAX} `);
    expect(answer.match(/18 more not shown/g)).toHaveLength(6); // three sections, on each platform
    expect(answer).toContain('action.matters-attach');
    const message = JSON.stringify(expectValidCard(mattersArisingMessageCard({ report, occasion: 'reminder' })));
    expect(message).toContain('2 exempt actions are not shown here');
    expect(message).not.toContain('action.matters-post');
  });
});
