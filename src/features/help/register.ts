// Help: what Quorum can do, from the commands the features declare; "help agenda" narrows it to
// the agenda commands.
import { freeText } from '../../kernel/args.ts';
import { command, defineFeature } from '../../kernel/feature.ts';
import type { CommandInfo } from '../../kernel/deps.ts';

export interface HelpResult {
  kind: 'help';
  commands: readonly CommandInfo[];
  /** The word asked about, when the list is narrowed to it. */
  topic?: string;
}

export const help = defineFeature({
  name: 'help',
  commands: [
    command({
      words: 'help',
      menu: true,
      usage: 'help [command]',
      description: 'Show what Quorum can do and the commands you can use.',
      who: 'everyone',
      args: freeText,
      run: async (deps, input): Promise<HelpResult> => {
        const topic = input.args.text.toLowerCase().split(/\s+/)[0] ?? '';
        const narrowed = topic ? deps.catalogue.filter((c) => c.words.split(' ')[0] === topic) : [];
        return narrowed.length > 0 ? { kind: 'help', commands: narrowed, topic } : { kind: 'help', commands: deps.catalogue };
      },
    }),
  ],
});
