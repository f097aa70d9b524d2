// Who reads what the Teams bot says (adapters/teams/answer.ts): answers built for one person cannot
// be taken for answers for everyone (checked by the compiler: the @ts-expect-error lines fail
// `tsc --noEmit` if they ever compile), which refusals are answered where they were typed, the
// pointer's wording, and the origin a form carries to the personal chat.
import { describe, expect, it } from 'vitest';
import {
  answerForPerson,
  apologyForEveryone,
  helpForEveryone,
  pointerForEveryone,
  pointerText,
  refusal,
  sentenceForPerson,
  type Answer,
} from '../../../adapters/teams/answer.ts';
import { renderResult, withOrigin } from '../../../adapters/teams/render.ts';
import { type AdaptiveCard, renderAdaptiveForm } from '../../../cards/index.ts';
import { CATALOGUE } from '../../../src/core.ts';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import type { Result } from '../../../src/core.ts';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';

const metadata = { meetingId: '6f1c1d7e-4b7a-4f59-9a55-0d9c1e0c2a11', itemId: '0c9b7b7e-0e5e-4a3c-8d1f-7f5d2c9a1b22' };
const editForm: Result = { kind: 'form', form: 'agenda.item.edit', values: { title: 'Contract award: CCTV maintenance', exempt: true }, metadata };

describe('answers and their audience', () => {
  it('keeps an answer for one person from being used as one for everyone', () => {
    const forPerson = sentenceForPerson('Your preview');
    // @ts-expect-error an answer built for one person is not an answer for everyone
    const widened: Answer<'conversation'> = forPerson;
    // @ts-expect-error answers are made by answer.ts only, not written out by hand
    const forged: Answer<'conversation'> = { audience: 'conversation', message: { type: 'message', text: 'anything' } };
    expect([widened.audience, forged.audience]).toEqual(['person', 'conversation']);
    expect(answerForPerson(editForm).audience).toBe('person');
    expect(helpForEveryone({ kind: 'help', commands: CATALOGUE }).audience).toBe('conversation');
    expect(apologyForEveryone().audience).toBe('conversation');
  });

  it('answers a mistake in what was typed where it was typed, and every other refusal to the person', () => {
    const typing = [
      new AppError(ErrorCode.UNKNOWN_COMMAND, 'I don\u2019t know the command "frobnicate".'),
      new AppError(ErrorCode.UNKNOWN_SUBCOMMAND, 'agenda has no "frobnicate".'),
      new AppError(ErrorCode.COMMAND_USAGE, 'Say which item: "agenda edit 5".'),
    ];
    for (const error of typing) {
      expect(refusal(error, 'shared').audience).toBe('conversation');
      expect(refusal(error, 'personal').audience).toBe('person');
    }
    for (const code of [ErrorCode.NOT_A_CLERK, ErrorCode.NOT_A_MEMBER, ErrorCode.MEETING_NOT_FOUND, ErrorCode.ITEM_NOT_FOUND, ErrorCode.INVALID_DATE, ErrorCode.BOARD_NOT_FOUND]) {
      expect(refusal(new AppError(code, 'x'), 'shared').audience, code).toBe('person');
    }
    const fields = refusal(new AppError(ErrorCode.FORM_INVALID, 'Some details need correcting.', { fieldErrors: { title: 'Enter a title.' } }), 'personal');
    expect(fields.message.text).toBe('Some details need correcting.\n- Enter a title.');
  });

  it('points to the personal chat in one plain line that holds nothing of the answer', () => {
    expect(pointerText('sent', 'Alex Dewsnap')).toBe('I\u2019ve sent that to you in our chat, Alex Dewsnap.');
    expect(pointerText('sent')).toBe('I\u2019ve sent that to you in our chat.');
    expect(pointerText('not_installed', ' ')).toMatch(/^I couldn\u2019t send that to you: .*Add the Quorum app for yourself/);
    expect(pointerText('unreachable', 'Alex')).toMatch(/^I couldn\u2019t reach our chat just now to send you the answer, Alex\. /);
    const pointer = pointerForEveryone('sent', '<at>Everyone</at> **bold**');
    // Plain text: Teams shows a display name as it is, without mentions or markdown.
    expect(pointer.message).toMatchObject({ type: 'message', textFormat: 'plain' });
    expect(pointer.message.attachments).toBeUndefined();
  });
});

describe('a form sent to the personal chat from a channel', () => {
  it('carries the channel it was asked in on its submit button only', () => {
    const message = renderResult(editForm, '19:board@thread.tacv2');
    const card = message.attachments?.[0]?.content as { actions: { verb: string; data: Record<string, unknown> }[] };
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(card.actions).toHaveLength(1);
    expect(card.actions[0]?.data).toMatchObject({ form: 'agenda.item.edit', origin: '19:board@thread.tacv2', metadata });
    expect(JSON.stringify(renderResult(editForm).attachments)).not.toContain('origin');
  });

  it('leaves other actions alone', () => {
    const card: AdaptiveCard = { ...renderAdaptiveForm({ id: 'x', title: 'X', submitLabel: 'Go', fields: [], metadata: {} }), actions: [
      { type: 'Action.Execute', title: 'Go', verb: 'x', data: { form: 'x' } },
      { type: 'Action.Execute', title: 'Other', verb: 'other', data: { a: 1 } },
      { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.org' },
    ] };
    expect(withOrigin(card, 'x', 'c1').actions).toEqual([
      { type: 'Action.Execute', title: 'Go', verb: 'x', data: { form: 'x', origin: 'c1' } },
      { type: 'Action.Execute', title: 'Other', verb: 'other', data: { a: 1 } },
      { type: 'Action.OpenUrl', title: 'Open', url: 'https://example.org' },
    ]);
  });
});
