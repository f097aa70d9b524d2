// Every sample card and form, rendered for Slack and for Teams: the Adaptive Card parsed by the
// adaptivecards package at 1.5 with no event, the Block Kit payload within Slack's limits; and
// what each sample must show.
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/model.ts';
import { renderAdaptiveCard } from '../../../cards/render/adaptive.ts';
import { renderSlackMessage } from '../../../cards/render/slack.ts';
import {
  sampleActionCard,
  sampleAgendaCard,
  sampleDashboard,
  sampleFiguresEntered,
  sampleFiguresErrors,
  sampleFiguresForm,
  sampleHelpCard,
  sampleHelpCommands,
  sampleMeetingForm,
  sampleRagSummary,
} from '../../support/card-samples.ts';
import { expectValidCard, expectValidForm } from '../../../cards/validate/expect-valid.ts';

const json = (value: unknown) => JSON.stringify(value);
type SlackBlock = { type: string; elements?: { action_id?: string; url?: string; value?: string; text?: { text: string } }[]; text?: { text: string } };

describe('every sample renders valid payloads on both platforms', () => {
  const cards = {
    'agenda card (public channel)': sampleAgendaCard(false),
    'agenda card (board-only channel)': sampleAgendaCard(true),
    'action card, open': sampleActionCard(false),
    'action card, done': sampleActionCard(true),
    'performance dashboard (wide table)': sampleDashboard,
    'RAG summary (narrow table)': sampleRagSummary,
    'help card, Slack': sampleHelpCard('slack'),
    'help card, Teams': sampleHelpCard('teams'),
  };
  for (const [name, card] of Object.entries(cards)) it(name, () => void expectValidCard(card));

  it('figures form, fresh and with per-field errors', () => {
    expectValidForm(sampleFiguresForm);
    expectValidForm(sampleFiguresForm, sampleFiguresErrors, sampleFiguresEntered);
  });

  it('meeting form (date, time, multiselect, checkbox)', () => void expectValidForm(sampleMeetingForm));

  it('renders the same card to the same JSON every time (what updating in place relies on)', () => {
    expect(json(renderSlackMessage(sampleActionCard(false)))).toBe(json(renderSlackMessage(sampleActionCard(false))));
    expect(json(renderAdaptiveCard(sampleAgendaCard()))).toBe(json(renderAdaptiveCard(sampleAgendaCard())));
  });
});

describe('the agenda card', () => {
  it('has "Send apologies", "I\u2019ll attend", "View papers" and "Add to calendar" on both platforms, and the count of replies', () => {
    const { slack, adaptive } = expectValidCard(sampleAgendaCard());
    const actions = slack.blocks.find((b) => b.type === 'actions') as SlackBlock;
    const buttons = actions.elements ?? [];
    expect(buttons.map((b) => b.text?.text)).toEqual(['Send apologies', 'I\u2019ll attend', 'View papers', 'Add to calendar']);
    expect(buttons[0]?.action_id).toBe('apologies.open');
    expect(buttons[1]?.action_id).toBe('apologies.attend');
    expect(JSON.parse(buttons[0]?.value ?? '')).toEqual({ meetingId: '6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01' });
    expect(buttons[3]?.url).toBe('https://quorum.example.org/calendar/abcdefgh12345678.ics');
    expect(json(slack)).toContain('Replies: 2 apologies, 9 attending \u00b7 12 expected who count (quorum 3)');
    const text = json(adaptive);
    expect(text).toContain('{"type":"Action.Execute","title":"Send apologies","verb":"apologies.open","data":{"meetingId":"6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01"}}');
    expect(text).toContain('{"type":"Action.OpenUrl","title":"Add to calendar","url":"https://quorum.example.org/calendar/abcdefgh12345678.ics"}');
  });

  it('prints items as the ORDER OF BUSINESS does: sub-points, report of, pages, time, links', () => {
    const { slack, adaptive } = expectValidCard(sampleAgendaCard());
    const text = slack.blocks.map((b) => (b as SlackBlock).text?.text ?? '').join('\n');
    expect(text).toContain('*6.* *Police Update*\n    \u2022 Performance\n    \u2022 Crime trends');
    expect(text).toContain('Report of Borough Commander \u00b7 Pages 13 - 18 \u00b7 10 mins');
    expect(text).toContain('<https://barnet.moderngov.co.uk/documents/s44461/Police%20Update.pdf|Police update &amp; dashboard>');
    expect(json(adaptive)).toContain('[Police update & dashboard](https://barnet.moderngov.co.uk/documents/s44461/Police%20Update.pdf)');
    expect(json(adaptive)).toContain('- Performance\\n- Crime trends');
  });

  it('never shows an exempt item\u2019s title, sub-points, report or links in a public channel', () => {
    const { slack, adaptive } = expectValidCard(sampleAgendaCard(false));
    for (const rendered of [json(slack), json(adaptive), slack.text]) {
      expect(rendered).not.toContain('Domestic Homicide Review');
      expect(rendered).not.toContain('Schedule 12A');
      expect(rendered).not.toContain('Community Safety Manager');
      expect(rendered).not.toContain('DHR.pdf');
      expect(rendered).not.toContain('33 - 38');
    }
    expect(json(slack)).toContain('*9.* _Exempt item_');
    expect(json(adaptive)).toContain('**9.** _Exempt item_');
  });

  it('shows an exempt item in full, marked "Exempt item", where the board alone can see it', () => {
    const { slack, adaptive } = expectValidCard(sampleAgendaCard(true));
    expect(json(slack)).toContain('*9.* *Domestic Homicide Review: progress on the action plan* \u00b7 _Exempt item_');
    expect(json(slack)).toContain('1 hr 10 mins');
    expect(json(adaptive)).toContain('**9.** **Domestic Homicide Review: progress on the action plan** \u00b7 _Exempt item_');
  });
});

describe('a card updated in place after a click', () => {
  it('swaps the buttons for who did it and when, on both platforms', () => {
    const open = expectValidCard(sampleActionCard(false));
    const done = expectValidCard(sampleActionCard(true));
    const slackButtons = (open.slack.blocks.find((b) => b.type === 'actions') as SlackBlock).elements ?? [];
    expect(slackButtons.map((b) => b.action_id)).toEqual(['action.done', 'action.update', 'action.extend']);
    expect(done.slack.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(done.slack.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Marked done by Jane Smith on 24 Nov 2026', verbatim: true }] });
    expect(json(open.adaptive)).toContain('"verb":"action.done"');
    expect(json(done.adaptive)).not.toContain('Action.');
    expect(json(done.adaptive)).toContain('Marked done by Jane Smith on 24 Nov 2026');
  });

  it('asks before "Ask for more time": a Slack confirm dialog, a small card on Teams', () => {
    const { slack, adaptive } = expectValidCard(sampleActionCard(false));
    const extend = ((slack.blocks.find((b) => b.type === 'actions') as SlackBlock).elements ?? [])[2] as Record<string, unknown>;
    expect(extend.confirm).toMatchObject({ title: { text: 'Ask for more time?' }, confirm: { text: 'Ask' }, deny: { text: 'Not now' } });
    expect(json(adaptive)).toMatch(/"type":"Action.ShowCard","title":"Ask for more time".*"type":"Action.Execute","title":"Ask","verb":"action.extend"/);
  });
});

describe('tables of figures', () => {
  it('is a Table on Teams with each rating coloured', () => {
    const { adaptive } = expectValidCard(sampleDashboard);
    const table = adaptive.body.find((b) => b.type === 'Table') as unknown as { columns: unknown[]; rows: { cells: { items: Record<string, unknown>[] }[] }[] };
    expect(table.columns).toHaveLength(8);
    expect(table.rows).toHaveLength(5);
    const rag = (row: number) => table.rows[row]?.cells[7]?.items[0];
    expect(rag(1)).toMatchObject({ text: 'Amber', color: 'Warning' });
    expect(rag(2)).toMatchObject({ text: 'Red', color: 'Attention' });
    expect(rag(4)).toMatchObject({ text: 'Green', color: 'Good' });
    expect(table.rows[1]?.cells[1]?.items[0]).toMatchObject({ text: '952' });
  });

  it('is Slack\u2019s native table block: the header then one row per indicator, cells as raw text, the rating as a coloured circle and its word', () => {
    const { slack } = expectValidCard(sampleDashboard);
    const tables = slack.blocks.filter((b) => b.type === 'table') as unknown as { rows: { type: string; text: string }[][] }[];
    expect(tables).toHaveLength(1);
    const rows = tables[0]?.rows ?? [];
    expect(rows).toHaveLength(5);
    expect(rows.flat().every((c) => c.type === 'raw_text')).toBe(true);
    expect(rows[2]?.map((c) => c.text)).toContain('188');
    expect(rows[2]?.at(-1)?.text).toBe('\u{1F534} Red');
  });

  // Slack shows one table block per message: a second table reads as text.
  const twoTables = (second: Card): Card => ({ body: [...sampleRagSummary.body, ...second.body] });

  it('a second table reads one line per indicator on Slack when too wide for columns, the rating first in colour', () => {
    const { slack } = expectValidCard(twoTables(sampleDashboard));
    expect(slack.blocks.filter((b) => b.type === 'table')).toHaveLength(1);
    const text = slack.blocks.map((b) => (b as SlackBlock).text?.text ?? '').join('\n');
    expect(text).toContain('\u{1F534} *Robbery*: Quarter 188 \u00b7 Quarter vs last year +50% \u00b7 12 months 611');
    expect(text).toContain('London 6/32 \u00b7 Red');
    expect(text).toContain('\u{1F7E2} *Repeat ASB calls*: 12 months 202');
  });

  it('a second table is a monospace block with aligned columns on Slack when narrow', () => {
    const { slack } = expectValidCard(twoTables(sampleRagSummary));
    const block = (slack.blocks.find((b) => b.type === 'section' && ((b as SlackBlock).text?.text ?? '').startsWith('```')) as SlackBlock).text?.text ?? '';
    const lines = block.replace(/```/g, '').split('\n');
    expect(lines[0]).toMatch(/^Indicator\s+12 months\s+Change\s+Rank\s+RAG$/);
    expect(lines[2]).toMatch(/^Burglary\s+3,446\s+-1%\s+15\/15\s+\u{1F7E0} Amber$/u);
    // Right-aligned figures end in the same column.
    expect((lines[2] ?? '').indexOf('3,446') + 5).toBe((lines[3] ?? '').indexOf('611') + 3);
  });
});

describe('the help card', () => {
  it('lists every command with how to type it and what it does', () => {
    const { slack, adaptive } = expectValidCard(sampleHelpCard('slack'));
    for (const c of sampleHelpCommands) {
      expect(json(slack)).toContain(`/quorum ${c.usage.replace(/</g, '&lt;').replace(/>/g, '&gt;')}`);
      expect(json(slack)).toContain(c.description.replace(/'/g, '\u2019'));
      // Markdown shows the usage as typed: an invisible zero-width space keeps <board> from being
      // read as HTML.
      expect(json(adaptive)).toContain(`/quorum ${c.usage.replace(/</g, '<\u200B')}`);
    }
    expect(json(slack)).toContain('For clerks and the chair');
  });

  it('is typed to the bot as it is on Teams (mentioned first in a channel, as its intro says)', () => {
    const { adaptive } = expectValidCard(sampleHelpCard('teams'));
    expect(json(adaptive)).toContain('**agenda [--board <\u200Bboard>]**');
    expect(json(adaptive)).toContain('In a channel, mention me first');
    expect(json(adaptive)).not.toContain('/quorum');
  });
});
