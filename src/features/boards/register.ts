// Boards: set one up in its channel, make a channel the board's, and set its reminder times.
import { z } from 'zod';
import { freeText, noArgs, optionalChoice } from '../../kernel/args.ts';
import { command, defineFeature, form } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { setBoardChannel } from './set-board-channel.ts';
import { setReminderSchedule } from './set-reminder-schedule.ts';
import { boardSetupValues, checkChannelFree, setupBoard } from './setup-board.ts';

export const boardSetupForm = form({
  id: 'board.setup',
  values: boardSetupValues,
  metadata: z.object({}),
  // The board's channel is the conversation the platform says the form came from, never a value
  // carried in the form (on Teams the card's data could be edited by whoever submits it).
  run: (deps, input) => setupBoard(deps, { actor: input.actor, ...(input.conversationId ? { conversationId: input.conversationId } : {}), values: input.values }),
});

export const boards = defineFeature({
  name: 'boards',
  commands: [
    command({
      words: 'board setup',
      usage: 'board setup',
      description: 'Set up a board in this channel; you become its clerk.',
      who: 'everyone',
      args: noArgs,
      run: async (deps, input) => {
        await checkChannelFree(deps, input);
        return openForm(boardSetupForm, {
          values: { timezone: 'Europe/London', quorum: '3', ...(input.actor.displayName ? { yourName: input.actor.displayName } : {}) },
          metadata: {},
        });
      },
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
