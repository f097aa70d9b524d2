// The agenda card's replies, as the posted card and every reminder show them: the two buttons
// members reply with, the counts, and the names of those who sent apologies only when the core
// sends them (the board's "apologies settings"); on both platforms, escaped.
import { describe, expect, it } from 'vitest';
import { agendaTemplates } from '../../../cards/agendas/templates.ts';
import { expectValidCard } from '../../../cards/validate/expect-valid.ts';
import type { AgendaView } from '../../../src/features/agendas/agenda-view.ts';
import { sampleAgenda } from '../../support/card-samples.ts';

const replies = { apologies: 2, attending: 1, expected: 4, quorum: 3 };
const withReplies = (extra: Partial<NonNullable<AgendaView['replies']>> = {}, agenda: AgendaView = sampleAgenda): AgendaView => ({ ...agenda, replies: { ...replies, ...extra } });
const reminder = (agenda: AgendaView) => agendaTemplates['agenda.reminder']({ kind: 'scheduled', lead: 'tomorrow', agenda });

describe('replies on the agenda card and its reminders', () => {
  it('the posted card and a reminder both carry "Send apologies" and "I\u2019ll attend", with the counts and no names', () => {
    for (const card of [agendaTemplates['agenda.card'](withReplies()), reminder(withReplies())]) {
      const { slack, adaptive: teams } = expectValidCard(card);
      const shown = JSON.stringify(slack);
      expect(shown).toContain('"action_id":"apologies.open"');
      expect(shown).toContain('"action_id":"apologies.attend"');
      expect(shown).toContain('Replies: 2 apologies, 1 attending');
      expect(shown).not.toContain('Apologies:');
      expect(JSON.stringify(teams)).toContain('"verb":"apologies.attend"');
    }
  });

  it('names when the board shows them, on both platforms, as literal text', () => {
    const hostile = '<!channel> *Bold* [x](https://evil.example)';
    const { slack, adaptive: teams } = expectValidCard(reminder(withReplies({ names: ['Richard Norfolk (Ms Lynne Abram substituting)', hostile] })));
    const slackText = JSON.stringify(slack);
    expect(slackText).toContain('Apologies: Richard Norfolk (Ms Lynne Abram substituting), ');
    expect(slackText).not.toContain('<!channel>');
    expect(JSON.stringify(teams)).toContain('Richard Norfolk (Ms Lynne Abram substituting)');
    // An empty list shows nothing; a cancelled meeting shows neither buttons nor replies.
    expect(JSON.stringify(expectValidCard(reminder(withReplies({ names: [] }))).slack)).not.toContain('Apologies:');
    const cancelled = withReplies({ names: ['Richard Norfolk'] }, { ...sampleAgenda, meeting: { ...sampleAgenda.meeting, status: 'cancelled' } });
    const shown = JSON.stringify(expectValidCard(agendaTemplates['agenda.card'](cancelled)).slack);
    expect(shown).not.toContain('Richard Norfolk');
    expect(shown).not.toContain('apologies.open');
  });
});
