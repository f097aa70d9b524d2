// Boards: set one up in its channel, make a channel the board's, and set its reminder times.
import { freeText, noArgs, optionalChoice } from '../../kernel/args.ts';
import { command, defineFeature } from '../../kernel/feature.ts';
import { boardSetupForm } from './forms.ts';
import { openBoardSetup } from './open-board-setup.ts';
import { setBoardChannel } from './set-board-channel.ts';
import { setReminderSchedule } from './set-reminder-schedule.ts';

export const boards = defineFeature({
  name: 'boards',
  commands: [
    command({
      words: 'board setup',
      usage: 'board setup',
      description: 'Set up a board in this channel; you become its clerk.',
      who: 'everyone',
      args: noArgs,
      run: (deps, input) => openBoardSetup(deps, input),
    }),
    command({
      words: 'board channel',
      usage: 'board channel [private|public]',
      description: 'Make this channel the board\u2019s channel; "private" shows exempt items in full here.',
      who: 'clerks',
      args: optionalChoice(['private', 'public'], 'Say "board channel", "board channel private" (exempt items shown in full) or "board channel public".'),
      run: (deps, input) => setBoardChannel(deps, { ...input, ...(input.args.choice ? { isPrivate: input.args.choice === 'private' } : {}) }),
    }),
    command({
      words: 'board reminders',
      usage: 'board reminders [7d 1d | 2h | none]',
      description: 'When agenda reminders go out before each meeting (7 days and 1 day by default).',
      who: 'clerks',
      args: freeText,
      run: (deps, input) => setReminderSchedule(deps, { ...input, text: input.args.text }),
    }),
  ],
  forms: [boardSetupForm],
});
