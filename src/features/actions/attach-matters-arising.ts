// The clerk attaches the matters arising report to the next meeting's "Matters Arising" agenda
// item (found by its standing kind, else its heading): a link on the item, behind an unguessable
// token, to a page built when it is opened, so it is always current. The page never shows exempt
// actions (the agenda card it hangs from may be in a public channel). The agenda card is updated
// and the channel told, as for any change to a published agenda. Attaching twice adds one link.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { announceAgendaChange } from '../agendas/agenda-delivery.ts';
import { editableMeeting } from '../agendas/editable-meeting.ts';
import { lockMeeting } from '../agendas/insert-agenda-item.ts';
import { mattersArisingItem } from './matters-arising-view.ts';
import { mattersArisingAnswer, type MattersArisingResult } from './show-matters-arising.ts';

export const REPORT_LINK_TITLE = 'Matters arising report';

const storedLinks = z.array(z.object({ title: z.string(), url: z.string() }));

export const mattersArisingOnceKey = (meetingId: string) => `matters-arising:${meetingId}`;

export async function attachMattersArising(deps: CoreDeps, input: Invocation & { meetingId: string }): Promise<MattersArisingResult> {
  const meeting = await editableMeeting(deps, input.actor, input.meetingId);
  if (!deps.publicBaseUrl) {
    throw new AppError(ErrorCode.NO_PUBLIC_ADDRESS, 'Quorum has no public address to serve the report from, so it cannot be attached. Ask whoever runs Quorum to set PUBLIC_BASE_URL.', { log: 'attach without a public address' });
  }
  const item = mattersArisingItem(meeting.items);
  if (!item) {
    throw new AppError(ErrorCode.ITEM_NOT_FOUND, `The agenda of ${meeting.title} has no Matters Arising item to attach the report to. Add one with "agenda add", then attach it.`, { log: `meeting ${meeting.id} has no matters arising item` });
  }
  const base = deps.publicBaseUrl.replace(/\/+$/, '');
  const attached = await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    const onceKey = mattersArisingOnceKey(meeting.id);
    const link =
      (await tx.actionLink.findUnique({ where: { onceKey } })) ??
      (await tx.actionLink.create({ data: { onceKey, token: randomBytes(24).toString('base64url'), boardId: meeting.boardId, kind: 'matters_arising', meetingId: meeting.id } }));
    const url = `${base}/actions/${link.token}/matters-arising`;
    const current = await tx.agendaItem.findUniqueOrThrow({ where: { id: item.id } });
    const parsed = storedLinks.safeParse(current.links);
    const links = parsed.success ? parsed.data : [];
    if (links.some((l) => l.url === url)) return false;
    await tx.agendaItem.update({ where: { id: item.id }, data: { links: [...links, { title: REPORT_LINK_TITLE, url }] } });
    await announceAgendaChange(tx, meeting.id, [`Item ${item.number}: the matters arising report is attached`], deps);
    return true;
  });
  if (attached) deps.onQueued?.();
  const notice = attached ? `The report is attached to item ${item.number}. ${item.title}; the link always shows the report as it is now.` : `The report was already attached to item ${item.number}. ${item.title}.`;
  return mattersArisingAnswer(deps, input, meeting.id, notice);
}
