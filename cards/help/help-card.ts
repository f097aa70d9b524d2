// The help card, for "/quorum help" on Slack and "help" to the bot on Teams: a line of
// introduction and the commands the features declare, each with how to type it and what it does.
import type { HelpResult } from '../../src/features/help/register.ts';
import { commandPrefix, type CardContext } from '../context.ts';
import type { Card, ItemEntry } from '../model.ts';
import { strong } from '../text.ts';

export function helpCard(result: HelpResult, ctx: CardContext): Card {
  const prefix = commandPrefix(ctx);
  const entry = (c: HelpResult['commands'][number]): ItemEntry => ({ title: strong(prefix + c.usage), lines: [c.description] });
  const everyone = result.commands.filter((c) => c.who !== 'clerks');
  const clerks = result.commands.filter((c) => c.who === 'clerks');
  const intro = result.topic
    ? `The ${result.topic} commands:`
    : `I post your board\u2019s agendas, keep them current and send the reminders. ${
        ctx.platform === 'teams' ? 'In a channel, mention me first; in a chat with me, just type the command.' : 'These are the commands of this build:'
      }`;
  return {
    fallback: `Quorum help: ${result.commands.map((c) => c.usage).join(', ')}`,
    title: 'Quorum: what I can do',
    body: [
      { type: 'text', text: intro },
      ...(everyone.length > 0 ? [{ type: 'items' as const, items: everyone.map(entry) }] : []),
      ...(clerks.length > 0 ? [{ type: 'heading' as const, text: 'For clerks and the chair' }, { type: 'items' as const, items: clerks.map(entry) }] : []),
      { type: 'context', text: 'Dates are written YYYY-MM-DD, e.g. 2026-12-04. Times are in the board\u2019s timezone.' },
    ],
  };
}
