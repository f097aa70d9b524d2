// "board setup": the set-up form, unless this channel is a board's already (refused before the
// form opens, so nobody fills it in for nothing).
import type { Actor } from '../../domain/platform.ts';
import { openForm } from '../../kernel/results.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { boardSetupForm } from './forms.ts';
import { checkChannelFree } from './setup-board.ts';

export async function openBoardSetup(deps: { prisma: PrismaClient }, input: { actor: Actor; conversationId?: string }) {
  await checkChannelFree(deps, input);
  return openForm(boardSetupForm, {
    values: { timezone: 'Europe/London', quorum: '3', ...(input.actor.displayName ? { yourName: input.actor.displayName } : {}) },
    metadata: {},
  });
}
