// The apologies cards: the confirmation only the person sees, the forms (apologies, the clerk's
// record, attendance on the day), the quorum warning to the clerk and chair, and the chaser.
import type { RepliesListResult, ListedPerson } from '../../src/features/apologies/list-replies.ts';
import type { MinutesResult } from '../../src/features/apologies/minutes-paragraph.ts';
import type { PasteResult } from '../../src/features/apologies/paste-apologies.ts';
import type { ReplyResult } from '../../src/features/apologies/reply-answer.ts';
import { PASTE_MAX, RESOLVE_FIELD } from '../../src/features/apologies/apology-values.ts';
import type { TemplateData } from '../../src/features/index.ts';
import { button, defineForm } from '../kit.ts';
import type { Action, Card, Element, ItemEntry } from '../model.ts';
import type { FeatureCards } from '../registry-types.ts';
import { REASON_MAX, SUBSTITUTE_NAME_MAX } from '../../src/features/apologies/save-reply.ts';
import { bullets, md, strong } from '../text.ts';

export function replyCard(result: ReplyResult): Card {
  const ids = { meetingId: result.meeting.id, ...(result.self ? {} : { memberId: result.memberId }) };
  const actions: Action[] = [];
  if (result.state !== 'apologies') actions.push(button('apologies.open', result.state === 'attending' ? 'Send apologies instead' : 'Send apologies', ids));
  if (result.state === 'apologies') actions.push(button('apologies.open', 'Change', ids));
  if (result.state !== 'attending') actions.push(button('apologies.attend', result.state === 'apologies' ? 'I\u2019ll attend after all' : 'I\u2019ll attend', ids, { style: 'primary' }));
  if (result.state !== 'none') actions.push(button('apologies.withdraw', 'Withdraw my reply', ids));
  return {
    fallback: result.notice,
    body: [
      { type: 'text', text: result.notice, tone: result.state === 'none' ? 'default' : 'good' },
      ...(result.reason || result.substitute
        ? [{ type: 'facts' as const, facts: [...(result.reason ? [{ label: 'Reason', value: result.reason }] : []), ...(result.substitute ? [{ label: 'Substitute', value: result.substitute }] : [])] }]
        : []),
      { type: 'actions', actions },
    ],
  };
}

export function quorumWarningCard(data: TemplateData<'apologies.quorum-warning'>): Card {
  const m = data.meeting;
  const state = data.expected < data.quorum ? 'below the quorum' : 'at the quorum';
  return {
    fallback: `Quorum at risk: ${m.boardName}, ${m.short}`,
    title: `Quorum at risk: ${m.short}`,
    body: [
      {
        type: 'text',
        tone: 'attention',
        text: md`**${data.occasion === 'reminder' ? 'Before the meeting: ' : (data.fall ?? 1) > 1 ? 'Again, after recovering: ' : ''}${data.expected} of ${data.counting} members who count are expected, ${state} of ${data.quorum}.** ${m.boardName}, ${m.date} at ${m.time}.`,
      },
      ...(data.apologies.length > 0
        ? [{ type: 'text' as const, text: md`**Apologies**` }, { type: 'text' as const, text: bullets(data.apologies.map((a) => (a.substitute ? `${a.name} (${a.substitute} substituting)` : a.name))) }]
        : []),
      { type: 'context', text: `${data.noReply} who count have not replied yet. "apologies list" shows everyone and can chase the rest.` },
    ],
  };
}

export function chaseCard(data: TemplateData<'apologies.chase'>): Card {
  const m = data.meeting;
  return {
    fallback: `Will you attend ${m.boardName} on ${m.short}?`,
    title: `Will you attend? ${m.short}`,
    body: [
      { type: 'text', text: md`${data.from} asks whether you will attend **${m.boardName}** on ${m.date} at ${m.time}${m.venue ? `, ${m.venue}` : ''}.` },
      { type: 'actions', actions: [button('apologies.attend', 'I\u2019ll attend', { meetingId: m.id }, { style: 'primary' }), button('apologies.open', 'Send apologies', { meetingId: m.id })] },
    ],
  };
}

const FORECAST: Record<RepliesListResult['forecast']['status'], string> = {
  quorate: 'quorate',
  at_quorum: 'at the quorum: one more apology and it is not quorate',
  inquorate: 'below the quorum',
};

const entry = (p: ListedPerson, extra: (string | undefined)[] = []): ItemEntry => ({
  title: p.organisation ? md`**${p.name}**, ${p.organisation}` : strong(p.name),
  lines: [...extra, p.countsTowardsQuorum ? undefined : 'Does not count towards the quorum'].filter((l): l is string => Boolean(l)),
});

export function repliesListCard(result: RepliesListResult): Card {
  const m = result.meeting;
  const f = result.forecast;
  const section = (heading: string, people: ListedPerson[], extra: (p: ListedPerson) => (string | undefined)[] = () => []): Element[] =>
    people.length === 0 ? [] : [{ type: 'heading', text: `${heading} (${people.length})` }, { type: 'items', items: people.map((p) => entry(p, extra(p))) }];
  return {
    fallback: `Apologies: ${m.boardName}, ${m.short}`,
    title: `Apologies: ${m.short}`,
    body: [
      ...(result.notice ? [{ type: 'text' as const, text: result.notice, tone: 'good' as const }] : []),
      {
        type: 'facts',
        facts: [
          { label: 'Meeting', value: `${m.boardName}, ${m.date} at ${m.time}` },
          { label: 'Forecast', value: `${f.expected} of ${f.counting} who count expected (quorum ${f.quorum}): ${FORECAST[f.status]}` },
          { label: 'Replies', value: `${result.apologies.length} apologies, ${result.attending.length} attending, ${result.noReply.length} not replied` },
        ],
      },
      ...section('Apologies', result.apologies, (p) => [p.reason ? `Reason: ${p.reason}` : undefined, p.substitute ? `Substitute: ${p.substitute}` : undefined, p.recordedVia ? `Recorded by the ${p.recordedVia === 'minutes' ? 'clerk from minutes' : p.recordedVia}` : undefined]),
      ...section('Attending', result.attending),
      ...section('Not replied', result.noReply),
      ...(result.open && result.noReply.length > 0 ? [{ type: 'actions' as const, actions: [button('apologies.chase', 'Chase the rest', { meetingId: m.id }, { style: 'primary' })] }] : []),
    ],
  };
}

export function minutesCard(result: MinutesResult): Card {
  const m = result.meeting;
  return {
    fallback: `Apologies for the minutes: ${m.short}`,
    title: `For the minutes: ${m.short}`,
    body: [
      { type: 'heading', text: 'APOLOGIES FOR ABSENCE' },
      { type: 'text', text: result.paragraph },
      { type: 'heading', text: 'As a list' },
      { type: 'text', text: result.bullets },
      { type: 'context', text: result.source === 'attendance' ? 'From the attendance marked on the day.' : 'From the apologies received.' },
      { type: 'actions', actions: [button('apologies.minutes', result.withTitles ? 'Names only' : 'With titles and organisations', { meetingId: m.id, titles: !result.withTitles })] },
    ],
  };
}

export function pasteCard(result: PasteResult): Card {
  const m = result.meeting;
  const as = result.recordedAs === 'replies' ? 'apologies' : 'attendance marks';
  const body: Element[] = [];
  const count = result.matched.length;
  if (result.none) body.push({ type: 'text', text: 'The passage says there were no apologies. Nothing to record.' });
  if (count > 0) {
    const heading =
      result.stage === 'preview'
        ? md`**Check before recording:** ${count} matched, to be recorded as ${as} for ${m.short}.`
        : result.stage === 'recorded'
          ? md`**Recorded as ${as}** for ${m.short}:`
          : md`**Already recorded** (confirmed before; nothing recorded twice) for ${m.short}:`;
    body.push({ type: 'text', text: heading, tone: result.stage === 'preview' ? 'default' : 'good' });
    body.push({
      type: 'items',
      items: result.matched.map((r) => ({
        title: strong(r.memberName),
        lines: [r.asWritten !== r.memberName ? `Written as "${r.asWritten}"` : '', r.substitute ? `Substitute: ${r.substitute}` : '', r.close ? 'A close spelling: check it is the right person.' : ''].filter(Boolean),
      })),
    });
  }
  if (result.unresolved.length > 0) {
    body.push({ type: 'text', text: md`**Not matched: ${result.unresolved.length} to resolve** (${result.stage === 'preview' ? 'Confirm records only the names above' : 'not recorded'})`, tone: 'attention' });
    body.push({ type: 'items', items: result.unresolved.map((u) => ({ title: u.asWritten, lines: [u.why] })) });
  }
  if (result.stage === 'preview' && (count > 0 || result.unresolved.length > 0)) {
    const actions: Action[] = [];
    if (count > 0) actions.push(button('apologies.paste.confirm', `Confirm and record ${count}`, { pasteId: result.pasteId }, { style: 'primary' }));
    if (result.unresolved.length > 0) actions.push(button('apologies.paste.resolve', 'Choose who the unmatched names are', { pasteId: result.pasteId }));
    body.push({ type: 'actions', actions });
    body.push({ type: 'context', text: 'Nothing is recorded until you confirm. If a name is wrong, paste the passage again corrected.' });
  }
  const title = result.stage === 'preview' ? `Apologies pasted: check ${m.short}` : `Apologies pasted: ${m.short}`;
  return { fallback: title, title, body };
}

const substituteFields = {
  reason: { label: 'Reason (optional)', kind: 'textarea', maxLength: REASON_MAX, placeholder: 'e.g. on leave' },
  substitute: { label: 'Substitute', kind: 'select', hint: 'The standing deputy or a colleague from the organisation.' },
  substituteName: { label: 'Or a substitute not on the list', kind: 'text', maxLength: SUBSTITUTE_NAME_MAX, placeholder: 'e.g. Ms Lynne Abram' },
} as const;

export const apologyCards = {
  results: { 'apologies.reply': replyCard, 'apologies.list': repliesListCard, 'apologies.minutes': minutesCard, 'apologies.paste': pasteCard },
  forms: {
    'apologies.send': defineForm({ id: 'apologies.send', title: 'Send apologies', submitLabel: 'Send apologies', fields: substituteFields }),
    'apologies.record': defineForm({
      id: 'apologies.record',
      title: 'Record a reply',
      submitLabel: 'Record',
      intro: 'For a reply received by email or phone.',
      fields: {
        member: { label: 'Member', kind: 'select', required: true },
        reply: {
          label: 'Reply',
          kind: 'select',
          required: true,
          options: [
            { value: 'apologies', label: 'Apologies' },
            { value: 'attending', label: 'Will attend' },
            { value: 'withdraw', label: 'No reply (withdraw what was recorded)' },
          ],
        },
        ...substituteFields,
      },
    }),
    'apologies.paste': defineForm({
      id: 'apologies.paste',
      title: 'Paste apologies',
      submitLabel: 'Match names',
      intro: 'Paste the apologies from an email or the minutes: "Apologies were received from …", or one person a line with their role. Each name is matched to a member and shown to you before anything is recorded; names that match nobody are shown too, never dropped.',
      fields: { text: { label: 'Apologies', kind: 'textarea', required: true, maxLength: PASTE_MAX, placeholder: 'Apologies were received from Mr Peter Clifton and Jamie Keddy of MOPAC (Ms Abram was substituting).' } },
    }),
    'apologies.settings': defineForm({
      id: 'apologies.settings',
      title: 'Apologies settings',
      submitLabel: 'Save',
      fields: {
        showNames: { label: 'Names on the agenda card', kind: 'checkbox', hint: 'Show who sent apologies on the card in the board channel (otherwise counts only; names are in "apologies list")' },
        namedSubstitutesCount: { label: 'Named substitutes', kind: 'checkbox', hint: 'A substitute named in apologies who is not on the roster counts towards the quorum' },
      },
    }),
    'apologies.paste.resolve': defineForm({
      id: 'apologies.paste.resolve',
      title: 'Unmatched names',
      submitLabel: 'Use these',
      fields: {},
      fieldFor: (id) => (RESOLVE_FIELD.test(id) ? { label: id, kind: 'select' } : undefined),
    }),
    'apologies.attendance': defineForm({
      id: 'apologies.attendance',
      title: 'Mark attendance',
      submitLabel: 'Save attendance',
      intro: 'Each member in one list at most; anyone left out has no mark.',
      fields: {
        present: { label: 'Present', kind: 'multiselect' },
        apologies: { label: 'Apologies', kind: 'multiselect' },
        absent: { label: 'Absent', kind: 'multiselect' },
        substitute: { label: 'Substitute present', kind: 'multiselect' },
      },
    }),
  },
  templates: { 'apologies.quorum-warning': quorumWarningCard, 'apologies.chase': chaseCard },
} satisfies FeatureCards;
