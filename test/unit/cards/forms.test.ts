// Forms: what each platform sends back on submission reads back into the same raw values, and a
// refused submission shows each error next to its field, on both platforms.
import { describe, expect, it } from 'vitest';
import type { FormValues } from '../../../cards/model.ts';
import { choicesCarried, readAdaptiveFormValues, renderAdaptiveForm } from '../../../cards/render/adaptive-form.ts';
import { readSlackViewValues, renderSlackModal, slackErrorsResponse, type SlackInputState } from '../../../cards/render/slack-form.ts';
import { sampleFiguresEntered, sampleFiguresErrors, sampleFiguresForm, sampleMeetingForm } from '../../support/card-samples.ts';
import { expectValidForm } from '../../../cards/validate/expect-valid.ts';
import { slackErrorsResponseSchema } from '../../../cards/validate/slack-limits.ts';

type Json = Record<string, unknown>;

const slackOption = (value: string) => ({ text: { type: 'plain_text', text: value, emoji: true }, value });

describe('submitted values read back the same from Slack and from Teams', () => {
  it('every input kind, filled in', () => {
    // view.state.values as Slack sends it in a view_submission: block_id → action_id → state.
    const slack = readSlackViewValues({ fields: [...sampleFiguresForm.fields, ...sampleMeetingForm.fields] }, {
      burglary: { value: { type: 'number_input', value: '952' } },
      robbery: { value: { type: 'number_input', value: '188' } },
      violenceWithInjury: { value: { type: 'number_input', value: '575' } },
      reoffendingRate: { value: { type: 'number_input', value: '20.2' } },
      similarGroupRank: { value: { type: 'plain_text_input', value: '15/15' } },
      factors: { value: { type: 'plain_text_input', value: 'Decrease in rolling 12 months\nIncrease in last quarter' } },
      period: { value: { type: 'static_select', selected_option: slackOption('2017q4') } },
      signedOff: { value: { type: 'checkboxes', selected_options: [slackOption('true')] } },
      date: { value: { type: 'datepicker', selected_date: '2018-04-27' } },
      time: { value: { type: 'timepicker', selected_time: '10:00' } },
      venue: { value: { type: 'plain_text_input', value: 'Hendon Town Hall' } },
      partners: { value: { type: 'multi_static_select', selected_options: [slackOption('mps'), slackOption('lbb')] } },
      publishNow: { value: { type: 'checkboxes', selected_options: [] } },
    });
    // Action.Execute data as Teams sends it: the inputs as strings, merged with the button's data.
    const teams = readAdaptiveFormValues({ fields: [...sampleFiguresForm.fields, ...sampleMeetingForm.fields] }, {
      form: 'figures.submit',
      metadata: { roundId: 'r-2017q3' },
      burglary: '952',
      robbery: '188',
      violenceWithInjury: '575',
      reoffendingRate: '20.2',
      similarGroupRank: '15/15',
      factors: 'Decrease in rolling 12 months\nIncrease in last quarter',
      period: '2017q4',
      signedOff: 'true',
      date: '2018-04-27',
      time: '10:00',
      venue: 'Hendon Town Hall',
      partners: 'mps,lbb',
      publishNow: 'false',
    });
    const expected: FormValues = {
      burglary: '952',
      robbery: '188',
      violenceWithInjury: '575',
      reoffendingRate: '20.2',
      similarGroupRank: '15/15',
      factors: 'Decrease in rolling 12 months\nIncrease in last quarter',
      period: '2017q4',
      signedOff: true,
      date: '2018-04-27',
      time: '10:00',
      venue: 'Hendon Town Hall',
      partners: ['mps', 'lbb'],
      publishNow: false,
    };
    expect(slack).toEqual(expected);
    expect(teams).toEqual(expected);
  });

  it('every input kind, left empty', () => {
    const fields = [...sampleFiguresForm.fields, ...sampleMeetingForm.fields];
    const slack = readSlackViewValues({ fields }, {
      burglary: { value: { type: 'number_input', value: null } },
      similarGroupRank: { value: { type: 'plain_text_input', value: null } },
      period: { value: { type: 'static_select', selected_option: null } },
      signedOff: { value: { type: 'checkboxes', selected_options: [] } },
      date: { value: { type: 'datepicker', selected_date: null } },
      time: { value: { type: 'timepicker', selected_time: null } },
      partners: { value: { type: 'multi_static_select', selected_options: [] } },
    });
    const teams = readAdaptiveFormValues({ fields }, { burglary: '', similarGroupRank: '', period: '', signedOff: 'false', date: '', partners: '' });
    const expected = Object.fromEntries(fields.map((f) => [f.id, f.kind === 'checkbox' ? false : f.kind === 'multiselect' ? [] : null]));
    expect(slack).toEqual(expected);
    expect(teams).toEqual(expected);
  });

  it('reads back what the rendered form starts with (ids and shapes agree between render and read)', () => {
    const form = { ...sampleMeetingForm, fields: [...sampleMeetingForm.fields, { id: 'count', label: 'Count', kind: 'number' as const, value: '12' }] };
    const modal = renderSlackModal(form) as { blocks: { type: string; block_id?: string; element?: Record<string, unknown> }[] };
    // What Slack would send if the person submitted without changing anything.
    const state: Record<string, Record<string, SlackInputState>> = {};
    for (const block of modal.blocks.filter((b) => b.type === 'input')) {
      const e = block.element as { type: string; action_id: string; initial_value?: string; initial_date?: string; initial_time?: string; initial_option?: { value: string }; initial_options?: { value: string }[] };
      state[block.block_id as string] = {
        [e.action_id]: { type: e.type, value: e.initial_value ?? null, selected_date: e.initial_date ?? null, selected_time: e.initial_time ?? null, selected_option: e.initial_option ?? null, selected_options: e.initial_options ?? [] },
      };
    }
    // What Teams would send: each input's value, as a string.
    const card = renderAdaptiveForm(form);
    const data: Record<string, unknown> = {};
    for (const input of (card.body as unknown as Json[]).filter((b) => String(b.type).startsWith('Input.'))) data[input.id as string] = input.value === undefined ? '' : String(input.value);
    const expected = { date: '2018-04-27', time: '10:00', venue: 'Hendon Town Hall, The Burroughs, London NW4 4BQ', partners: ['mps', 'nps'], publishNow: false, count: '12' };
    expect(readSlackViewValues(form, state)).toEqual(expected);
    expect(readAdaptiveFormValues(form, data)).toEqual(expected);
  });
});

describe('a forged Teams submission', () => {
  it('reads only text from a people picker: objects, prototype-less objects and arrays of them are nobody', () => {
    const fields = [
      { id: 'people', label: 'People', kind: 'people' as const, multiple: true as const },
      { id: 'person', label: 'Person', kind: 'people' as const },
    ];
    const bare = Object.create(null) as object;
    expect(readAdaptiveFormValues({ fields }, { people: [bare, { a: 1 }, 'aad-1'], person: bare })).toEqual({ people: ['aad-1'], person: null });
    expect(readAdaptiveFormValues({ fields }, { people: 'aad-1, aad-2', person: ['aad-3'] })).toEqual({ people: ['aad-1', 'aad-2'], person: 'aad-3' });
  });
});

describe('a refused submission shows each error next to its field', () => {
  it('on Slack, as response_action errors keyed by the inputs\u2019 block ids', () => {
    const answer = slackErrorsResponse(sampleFiguresErrors);
    expect(answer).toEqual({ response_action: 'errors', errors: { burglary: 'Burglary: enter a whole number of 0 or more.', violenceWithInjury: 'Violence with injury: enter a whole number of 0 or more.' } });
    expect(slackErrorsResponseSchema.safeParse(answer).success).toBe(true);
    const modal = renderSlackModal(sampleFiguresForm) as { blocks: { type: string; block_id?: string }[] };
    const inputIds = modal.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    for (const id of Object.keys(answer.errors)) expect(inputIds).toContain(id);
  });

  it('on Slack, in a modal opened again, under each input', () => {
    const { slack } = expectValidForm(sampleFiguresForm, sampleFiguresErrors);
    const blocks = slack.blocks as { type: string; block_id?: string; elements?: { text: string }[] }[];
    const after = (id: string) => blocks[blocks.findIndex((b) => b.block_id === id) + 1];
    expect(after('burglary')).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: ':warning: *Burglary: enter a whole number of 0 or more.*', verbatim: true }] });
    expect(after('robbery')?.type).toBe('input');
    expect(JSON.stringify(blocks)).toContain('Please correct the 2 fields marked below.');
  });

  it('on Teams, the form again: the error in red beside its input, what was entered kept', () => {
    const { adaptive } = expectValidForm(sampleFiguresForm, sampleFiguresErrors, sampleFiguresEntered);
    const body = adaptive.body as unknown as Json[];
    const at = (id: string) => body.findIndex((b) => b.id === id);
    const input = (id: string) => body[at(id)] as Json;
    expect(input('burglary')).toMatchObject({ type: 'Input.Number', label: 'Burglary', isRequired: true, errorMessage: 'Burglary: enter a whole number of 0 or more.', value: -4 });
    expect(input('violenceWithInjury')).toMatchObject({ value: 575.5, errorMessage: 'Violence with injury: enter a whole number of 0 or more.' });
    expect(input('similarGroupRank')).toMatchObject({ type: 'Input.Text', value: '15/15' });
    expect(input('signedOff')).toMatchObject({ type: 'Input.Toggle', value: 'true' });
    // The visible error: red (attention), right after the input and its hint, before the next field.
    const shown = body.slice(at('burglary') + 1, at('robbery'));
    expect(shown).toContainEqual(expect.objectContaining({ type: 'TextBlock', color: 'Attention', text: '\u26a0\ufe0f Burglary: enter a whole number of 0 or more.' }));
    expect(body.slice(at('robbery') + 1, at('violenceWithInjury')).some((b) => b.color === 'Attention')).toBe(false);
    expect(body[2]).toMatchObject({ color: 'Attention', text: 'Please correct the 2 fields marked below.' });
  });

  it('on Teams, submits with Action.Execute: verb the form id, data the form and its metadata', () => {
    const { adaptive } = expectValidForm(sampleFiguresForm);
    expect(adaptive.actions).toEqual([
      { type: 'Action.Execute', title: 'Submit', verb: 'figures.submit', style: 'positive', associatedInputs: 'auto', data: { form: 'figures.submit', metadata: { roundId: 'r-2017q3', organisation: 'mps' }, choices: expect.any(String) } },
    ]);
    expect(JSON.stringify(adaptive)).not.toContain('Attention');
  });

  it('on Teams, the submit data carries the select fields\u2019 choices, so a form shown again with its errors keeps them', () => {
    const { adaptive } = expectValidForm(sampleFiguresForm);
    const data = (adaptive.actions?.[0] as { data: Record<string, unknown> }).data;
    expect(choicesCarried(data)).toEqual({ period: [{ value: '2017q3', label: 'Q3 2017/18' }, { value: '2017q4', label: 'Q4 2017/18' }] });
    expect(choicesCarried({ choices: '{"period":[["x"],[1,"y"],["ok","Fine"]],"other":"no"}' })).toEqual({ period: [{ value: 'ok', label: 'Fine' }] });
    expect(choicesCarried({ choices: 'not json' })).toEqual({});
    expect(choicesCarried({})).toEqual({});
  });

  it('shows a field\u2019s own error too (a form built with its errors)', () => {
    const form = { ...sampleMeetingForm, fields: sampleMeetingForm.fields.map((f) => (f.id === 'date' ? { ...f, error: 'Date: the board does not meet on a Sunday.' } : f)) };
    const { slack, adaptive } = expectValidForm(form);
    expect(JSON.stringify(slack)).toContain('Date: the board does not meet on a Sunday.');
    expect(JSON.stringify(adaptive)).toContain('"errorMessage":"Date: the board does not meet on a Sunday."');
  });

  it('on Slack, leaves out a number it could not start with, rather than have the modal refused', () => {
    const form = { ...sampleFiguresForm, fields: sampleFiguresForm.fields.map((f) => ({ ...f, ...(sampleFiguresEntered[f.id] !== undefined ? { value: sampleFiguresEntered[f.id] as string } : {}) })) };
    const { slack } = expectValidForm(form, sampleFiguresErrors);
    const element = (id: string) => (slack.blocks as { block_id?: string; element?: Record<string, unknown> }[]).find((b) => b.block_id === id)?.element;
    expect(element('burglary')).not.toHaveProperty('initial_value');
    expect(element('violenceWithInjury')).not.toHaveProperty('initial_value');
    expect(element('robbery')).toMatchObject({ initial_value: '188', is_decimal_allowed: false });
    expect(element('reoffendingRate')).toMatchObject({ is_decimal_allowed: true, max_value: '100' });
  });
});

describe('a file field', () => {
  const form = {
    id: 'members.import',
    title: 'Import members',
    submitLabel: 'Read it',
    metadata: {},
    fields: [
      { id: 'text', label: 'Membership list', kind: 'textarea' as const },
      { id: 'file', label: 'Or upload it', kind: 'file' as const, filetypes: ['csv', 'txt'], hint: 'At most 2 MB.' },
    ],
  };

  it('is a Slack file_input for one file of the given types, read back as the file ids', () => {
    const modal = renderSlackModal(form);
    expectValidForm(form);
    expect(modal.blocks.find((b) => 'block_id' in b && b.block_id === 'file')).toMatchObject({ type: 'input', optional: true, element: { type: 'file_input', action_id: 'value', filetypes: ['csv', 'txt'], max_files: 1 } });
    const state = (files: unknown): Record<string, Record<string, SlackInputState>> => ({ file: { value: { type: 'file_input', files } as SlackInputState } });
    expect(readSlackViewValues(form, state([{ id: 'F0CSV1', name: 'members.csv' }]))).toMatchObject({ file: ['F0CSV1'] });
    // Nothing uploaded, or a forged state that is not a list of files: no file.
    expect(readSlackViewValues(form, state([]))).toMatchObject({ file: [] });
    expect(readSlackViewValues(form, state('F0CSV1'))).toMatchObject({ file: [] });
    expect(readSlackViewValues(form, state([{ id: 7 }, null]))).toMatchObject({ file: [] });
  });

  it('is left out of a Teams form, which takes no files, and reads back as none', () => {
    const card = JSON.stringify(renderAdaptiveForm(form));
    expect(card).toContain('"id":"text"');
    expect(card).not.toContain('"id":"file"');
    expect(card).not.toContain('Or upload it');
    expect(readAdaptiveFormValues(form, { text: 'Jo King', file: 'F0CSV1' })).toEqual({ text: 'Jo King', file: [] });
  });
});
