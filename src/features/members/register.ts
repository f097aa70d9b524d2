// Members: the board's roster, and (for clerks and the chair) changing it.
import { noArgs } from '../../kernel/args.ts';
import { command, defineFeature } from '../../kernel/feature.ts';
import { listMembers } from './list-members.ts';

export const members = defineFeature({
  name: 'members',
  commands: [
    command({
      words: 'members',
      usage: 'members',
      description: 'See the board\u2019s members by organisation: roles, deputies, quorum and who is not linked yet.',
      who: 'everyone',
      args: noArgs,
      run: (deps, input) => listMembers(deps, input),
    }),
  ],
});
