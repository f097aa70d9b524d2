// The import preview card: valid on both platforms, every row understood shown (up to 30, the
// rest counted, never dropped silently), every line not read with its number, Save / Paste more /
// Discard carrying the import's id, and a Teams payload within the 28 KB a bot message may have.
import { describe, expect, it } from 'vitest';
import { ROWS_SHOWN } from '../../../cards/members/import-preview-card.ts';
import { resultCard } from '../../../cards/registry.ts';
import { expectValidCard } from '../../../cards/validate/expect-valid.ts';
import type { MemberImportPreviewResult } from '../../../src/features/members/member-import-preview.ts';

const IMPORT_ID = '6f1c0a9d-3b7f-4c62-9a51-0d2f8e4b7c11';

function preview(people: number, unread: number): MemberImportPreviewResult {
  return {
    kind: 'member-import-preview',
    importId: IMPORT_ID,
    board: { id: 'b1', name: 'Safer Communities Partnership Board' },
    format: 'csv',
    rows: Array.from({ length: people }, (_, i) => ({
      line: i + 2,
      name: `Person ${i} Longname-Doubleday`,
      title: 'Head of Service for Barnet, Brent and Enfield',
      organisation: 'Community Rehabilitation Company',
      shortName: 'CRC',
      role: i === 0 ? 'member' : 'adviser',
      ...(i === 0 ? { boardRole: 'chair' as const } : {}),
      email: `person.${i}@example.org`,
      onRoster: i === 1,
    })),
    unread: Array.from({ length: unread }, (_, i) => ({ line: 500 + i, text: 'x'.repeat(200), reason: 'No name in this row.' })),
    canPasteMore: true,
  };
}

describe('the members import preview card', () => {
  it('shows each person with title, organisation (short name), role and email, and the lines not read', () => {
    const { slack, adaptive } = expectValidCard(resultCard(preview(3, 2), { platform: 'slack' }));
    const shown = JSON.stringify(slack);
    expect(shown).toContain('Person 0 Longname-Doubleday');
    expect(shown).toContain('Community Rehabilitation Company (CRC)');
    expect(shown).toContain('Chair');
    expect(shown).toContain('Adviser (also attends)');
    expect(shown).toContain('person.2@example.org');
    expect(shown).toContain('Person 1 Longname-Doubleday (on the roster)');
    expect(shown).toContain('Line 500: ');
    expect(shown).toContain('Saving adds 2 people (1 already on the roster is left as they are)');
    for (const id of ['members.import.save', 'members.import.more', 'members.import.discard']) expect(shown).toContain(`"action_id":"${id}"`);
    expect(shown).toContain(IMPORT_ID);
    expect(JSON.stringify(adaptive)).toContain('Person 2 Longname-Doubleday');
  });

  it(`shows the first ${ROWS_SHOWN} of a longer list and says how many more, within a Teams message\u2019s 28 KB`, () => {
    const { slack, adaptive } = expectValidCard(resultCard(preview(100, 15), { platform: 'teams' }));
    const shown = JSON.stringify(slack);
    expect(shown).toContain(`Person ${ROWS_SHOWN - 1} Longname`);
    expect(shown).not.toContain(`Person ${ROWS_SHOWN} Longname`);
    expect(shown).toContain(`Showing the first ${ROWS_SHOWN} of 100 people read (to line ${ROWS_SHOWN + 1}); the rest are saved with them.`);
    expect(Buffer.byteLength(JSON.stringify(adaptive))).toBeLessThan(28 * 1024);
  });
});
