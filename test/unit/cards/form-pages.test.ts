// A long form's pages: the submit button says where it goes ("Next: page 2 of 4") on every page but
// the last, which says "Submit"; the label a use case gives replaces the form's own on both
// platforms, within Slack's 24 characters.
import { describe, expect, it } from 'vitest';
import { formFor } from '../../../cards/registry.ts';
import { expectValidForm } from '../../../cards/validate/expect-valid.ts';

const field = { id: 'v_6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01', label: 'Burglary: Q3 2026/27', kind: 'text' as const, required: true };
const page = (submitLabel?: string) =>
  formFor({ kind: 'form', form: 'returns.submit', values: {}, fields: [field], metadata: { roundId: 'r', organisationId: 'o', page: '1' }, context: 'Page 1 of 4.', ...(submitLabel ? { submitLabel } : {}) });

describe('the pages of a long form', () => {
  it('a page but the last: "Next: page 2 of 4" on the Slack modal and the Teams card', () => {
    const { slack, adaptive } = expectValidForm(page('Next: page 2 of 4'));
    expect(slack.submit?.text).toBe('Next: page 2 of 4');
    expect(adaptive.actions?.map((a) => a.title)).toEqual(['Next: page 2 of 4']);
  });

  it('the last page, and a form that gives no label: "Submit", the form\u2019s own', () => {
    for (const form of [page('Submit'), page()]) {
      const { slack, adaptive } = expectValidForm(form);
      expect(slack.submit?.text).toBe('Submit');
      expect(adaptive.actions?.map((a) => a.title)).toEqual(['Submit']);
    }
  });

  it('the longest label the return gives fits Slack\u2019s 24 characters', () => {
    const longest = 'Next: page 500 of 500';
    expect(longest.length).toBeLessThanOrEqual(24);
    expect(expectValidForm(page(longest)).slack.submit?.text).toBe(longest);
  });
});
