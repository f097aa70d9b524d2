// The help card, for "/quorum help" on Slack and "help" to the bot on Teams: a title, a line of
// introduction, and the commands, each with how to type it and what it does. Plain data in, so
// the adapters (and the core's help result) can fill it.
import type { Card, ItemEntry } from './model.ts';

export interface HelpCommand {
  /** How it is typed after the prefix, e.g. "agenda post [--board <board>]". */
  usage: string;
  description: string;
  /** Commands for clerks and the chair are listed apart. */
  audience?: 'everyone' | 'clerks';
}

export interface HelpInput {
  commands: HelpCommand[];
  /** Sets how commands are typed: "/quorum " on Slack (the default), "@Quorum " on Teams. */
  platform?: 'slack' | 'teams';
  /** Overrides the platform's prefix. */
  prefix?: string;
  title?: string;
  intro?: string;
}

const PREFIX = { slack: '/quorum ', teams: '@Quorum ' } as const;

export function helpCard(input: HelpInput): Card {
  const prefix = input.prefix ?? PREFIX[input.platform ?? 'slack'];
  const entry = (c: HelpCommand): ItemEntry => ({ title: `**${prefix}${c.usage}**`, lines: [c.description] });
  const everyone = input.commands.filter((c) => c.audience !== 'clerks');
  const clerks = input.commands.filter((c) => c.audience === 'clerks');
  const intro =
    input.intro ??
    `I post your board\u2019s agendas, keep them current and send the reminders. ${
      input.platform === 'teams' ? 'In a channel, mention me first; in a chat with me, just type the command.' : 'These are the commands of this build:'
    }`;
  return {
    fallback: `Quorum help: ${input.commands.map((c) => c.usage).join(', ')}`,
    title: input.title ?? 'Quorum: what I can do',
    body: [
      { type: 'text', text: intro },
      ...(everyone.length > 0 ? [{ type: 'items' as const, items: everyone.map(entry) }] : []),
      ...(clerks.length > 0 ? [{ type: 'heading' as const, text: 'For clerks and the chair' }, { type: 'items' as const, items: clerks.map(entry) }] : []),
      { type: 'context', text: 'Dates are written YYYY-MM-DD, e.g. 2026-12-04. Times are in the board\u2019s timezone.' },
    ],
  };
}
