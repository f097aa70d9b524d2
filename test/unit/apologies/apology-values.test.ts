// The apologies forms' choices are member ids: anything else (a forged or stale value) is refused
// beside its field before the database is asked, never passed to a query on a uuid column.
import { describe, expect, it } from 'vitest';
import { apologyValues, attendanceValues, recordValues } from '../../../src/features/apologies/apology-values.ts';

const ID = '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e';
const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('apologies form values', () => {
  it('takes member ids from the lists', () => {
    expect(recordValues.safeParse({ member: ID, reply: 'apologies', substitute: ID }).success).toBe(true);
    expect(attendanceValues.safeParse({ present: [ID], absent: [] }).success).toBe(true);
  });

  it('refuses anything else beside the field it came in', () => {
    expect(errorsOf(recordValues.safeParse({ member: "x' OR 1=1", reply: 'apologies' }))).toEqual({ member: 'Choose the member from the list.' });
    expect(errorsOf(apologyValues.safeParse({ substitute: 'U0123ABC' }))).toEqual({ substitute: 'Choose the substitute from the list.' });
    expect(errorsOf(attendanceValues.safeParse({ present: [ID, 'nobody'] }))).toEqual({ 'present.1': 'Choose members from the list.' });
  });
});
