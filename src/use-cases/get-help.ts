import { COMMANDS } from '../commands.ts';

export interface HelpResult {
  kind: 'help';
  commands: { usage: string; description: string; audience: 'everyone' | 'clerks' }[];
}

/** What the help card lists: the commands of this build. */
export function getHelp(): HelpResult {
  return {
    kind: 'help',
    commands: COMMANDS.map(({ usage, description, audience }) => ({ usage, description, audience })),
  };
}
