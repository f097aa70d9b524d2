// The forward work plan: members propose items for future meetings; the clerk decides.
import { z } from 'zod';
import { noArgs } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { decideProposal } from './decide-proposal.ts';
import { proposeForm } from './forms.ts';
import { listForwardPlan } from './list-forward-plan.ts';
import { openProposalForm } from './open-proposal-form.ts';

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
      run: (deps, input) => openProposalForm(deps, input),
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
