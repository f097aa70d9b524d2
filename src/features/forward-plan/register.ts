// The forward work plan: members propose items for future meetings; the clerk decides.
import { z } from 'zod';
import { noArgs } from '../../kernel/args.ts';
import { button, command, defineFeature, form } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireMember } from '../boards/members.ts';
import { decideProposal } from './decide-proposal.ts';
import { listForwardPlan, upcomingMeetings } from './list-forward-plan.ts';
import { proposalValues, proposeItem } from './propose-item.ts';

export const proposeForm = form({
  id: 'plan.propose',
  values: proposalValues,
  metadata: z.object({ boardId: z.uuid() }),
  run: async (deps, input) => proposeItem(deps, { ...input, board: await deps.prisma.board.findUniqueOrThrow({ where: { id: input.metadata.boardId } }), values: input.values }),
});

export const forwardPlan = defineFeature({
  name: 'forward-plan',
  commands: [
    command({
      words: 'plan',
      menu: true,
      usage: 'plan',
      description: 'See the forward work plan: items proposed for future meetings.',
      who: 'everyone',
      args: noArgs,
      run: (deps, input) => listForwardPlan(deps, input),
    }),
    command({
      words: 'plan propose',
      menu: true,
      usage: 'plan propose',
      description: 'Propose an item for a future meeting.',
      who: 'everyone',
      args: noArgs,
      run: async (deps, input) => {
        const board = await findBoard(deps.prisma, input);
        await requireMember(deps.prisma, board, input.actor, 'propose items for its meetings');
        const meetings = await upcomingMeetings(deps, board);
        return openForm(proposeForm, {
          values: { meeting: '' },
          metadata: { boardId: board.id },
          options: { meeting: [{ value: '', label: 'To be allocated' }, ...meetings.map((m) => ({ value: m.id, label: m.short }))] },
          context: board.name,
        });
      },
    }),
  ],
  buttons: [
    button({
      id: 'plan.decide',
      payload: z.object({ itemId: z.uuid(), decision: z.enum(['accept', 'defer', 'decline']), meetingId: z.uuid().optional(), note: z.string().trim().max(300).optional() }),
      run: (deps, input) => decideProposal(deps, { ...input, ...input.payload }),
    }),
  ],
  forms: [proposeForm],
});
