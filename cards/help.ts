import type { Card } from './model.ts';

export interface HelpInput {
  commands: { usage: string; description: string; audience?: 'everyone' | 'clerks' }[];
  /** How commands are typed: "/quorum " on Slack, "@Quorum " or a direct message on Teams. */
  prefix?: string;
}

export function helpCard(input: HelpInput): Card {
  const prefix = input.prefix ?? '/quorum ';
  const line = (c: HelpInput['commands'][number]) => ({ title: `**${prefix}${c.usage}**`, lines: [c.description] });
  const everyone = input.commands.filter((c) => c.audience !== 'clerks');
  const clerks = input.commands.filter((c) => c.audience === 'clerks');
  return {
    fallback: `Quorum help: ${input.commands.map((c) => c.usage).join(', ')}`,
    title: 'Quorum: what I can do',
    body: [
      { type: 'text', text: 'I post your board\u2019s agendas, keep them current and send the reminders. These are the commands of this build:' },
      { type: 'items', items: everyone.map(line) },
      ...(clerks.length > 0
        ? [{ type: 'text' as const, text: '**For clerks and the chair**' }, { type: 'items' as const, items: clerks.map(line) }]
        : []),
      { type: 'context', text: 'Dates are written YYYY-MM-DD, e.g. 2026-12-04. Times are in the board\u2019s timezone.' },
    ],
  };
}
