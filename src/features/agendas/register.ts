// Agendas: see, build, post and remind; paste an ORDER OF BUSINESS or import from ModernGov.
// A command that names a meeting by its date finds it here, once, and the use case gets its id.
import { z } from 'zod';
import { ArgsMismatch, optionalDate, splitTrailingDate, type ArgReader } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { findClerkMeeting, findMeeting } from '../meetings/find-meeting.ts';
import { agendaReminderJob } from './agenda-reminder-job.ts';
import { discardAgendaImport } from './discard-agenda-import.ts';
import { itemAddForm, itemEditForm, pasteForm } from './forms.ts';
import { importModernGovAgenda } from './import-moderngov-agenda.ts';
import { moveAgendaItem } from './move-agenda-item.ts';
import { openItemAddForm, openItemEditForm, openPasteForm, openPasteMoreForm } from './open-agenda-forms.ts';
import { postAgenda } from './post-agenda.ts';
import { previewAgenda } from './preview-agenda.ts';
import { remindAgenda } from './remind-agenda.ts';
import { removeAgendaItem } from './remove-agenda-item.ts';
import { saveAgendaImport } from './save-agenda-import.ts';
import { showAgenda } from './show-agenda.ts';
import { agendaCardTemplate, agendaChangedTemplate, agendaReminderTemplate } from './templates.ts';

const meetingId = z.object({ meetingId: z.uuid() });
const importId = z.object({ importId: z.uuid() });

/** "agenda edit 5 [YYYY-MM-DD]", "agenda remove 6". */
const itemArgs = (example: string): ArgReader<{ number: string; date?: string }> => ({
  read(rest) {
    const { date, words } = splitTrailingDate(rest);
    if (words.length !== 1) throw new ArgsMismatch(`Say which item: "${example}".`, words[0]);
    return { number: words[0] as string, ...(date ? { date } : {}) };
  },
});

/** "agenda move 7 to 5 [YYYY-MM-DD]". */
const moveArgs: ArgReader<{ number: string; to: number; date?: string }> = {
  read(rest) {
    const { date, words } = splitTrailingDate(rest);
    const [number, maybeTo, target] = words;
    const to = Number(maybeTo === 'to' ? target : maybeTo);
    if (!number || !Number.isInteger(to) || words.length > (maybeTo === 'to' ? 3 : 2)) throw new ArgsMismatch('Say which item and where: "agenda move 7 to 5".', number);
    return { number, to, ...(date ? { date } : {}) };
  },
};

/** "agenda import <meeting id> <ModernGov address>". */
const importArgs: ArgReader<{ meetingId: string; baseUrl: string }> = {
  read(rest) {
    const [id, address, extra] = rest.split(/\s+/).filter(Boolean);
    if (!id || !address || extra) throw new ArgsMismatch('Say which meeting and where: "agenda import 1234 https://democracy.example.gov.uk".', id);
    // Slack sends a pasted address as <https://…> or <https://…|label>.
    return { meetingId: id, baseUrl: address.replace(/^<|>$/g, '').split('|')[0] as string };
  },
};

const dateOf = (args: { date?: string }) => (args.date ? { date: args.date } : {});

export const agendas = defineFeature({
  name: 'agendas',
  commands: [
    command({
      words: 'agenda',
      menu: true,
      usage: 'agenda [YYYY-MM-DD]',
      description: 'See the published agenda of the next meeting (or the one on that date).',
      who: 'everyone',
      args: optionalDate,
      run: async (deps, input) => {
        const board = await findBoard(deps.prisma, input);
        const meeting = await findMeeting(deps.prisma, board, input.args.date, deps.now());
        return showAgenda(deps, { ...input, meetingId: meeting.id, meeting });
      },
    }),
    command({
      words: 'agenda add',
      usage: 'agenda add [YYYY-MM-DD]',
      description: 'Add an item: title, sub-points, report of, pages, time, links, exempt.',
      who: 'clerks',
      args: optionalDate,
      run: (deps, input) => openItemAddForm(deps, { ...input, ...dateOf(input.args) }),
    }),
    command({
      words: 'agenda edit',
      usage: 'agenda edit <item> [YYYY-MM-DD]',
      description: 'Change an item.',
      who: 'clerks',
      args: itemArgs('agenda edit 5'),
      run: (deps, input) => openItemEditForm(deps, { ...input, ...dateOf(input.args), number: input.args.number }),
    }),
    command({
      words: 'agenda move',
      usage: 'agenda move <item> to <place>',
      description: 'Reorder the agenda; items are renumbered.',
      who: 'clerks',
      args: moveArgs,
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...dateOf(input.args) });
        return moveAgendaItem(deps, { ...input, meetingId: meeting.id, number: input.args.number, to: input.args.to });
      },
    }),
    command({
      words: 'agenda remove',
      usage: 'agenda remove <item>',
      description: 'Withdraw an item; items are renumbered.',
      who: 'clerks',
      args: itemArgs('agenda remove 6'),
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...dateOf(input.args) });
        return removeAgendaItem(deps, { ...input, meetingId: meeting.id, number: input.args.number });
      },
    }),
    command({
      words: 'agenda paste',
      usage: 'agenda paste [YYYY-MM-DD]',
      description: 'Paste the ORDER OF BUSINESS from an agenda pack; check the items, then save.',
      who: 'clerks',
      args: optionalDate,
      run: (deps, input) => openPasteForm(deps, { ...input, ...dateOf(input.args) }),
    }),
    command({
      words: 'agenda import',
      usage: 'agenda import <meeting id> <ModernGov address>',
      description: 'Import a meeting and its items from the council\u2019s ModernGov site.',
      who: 'clerks',
      args: importArgs,
      run: (deps, input) => importModernGovAgenda(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'agenda preview',
      menu: true,
      usage: 'agenda preview [YYYY-MM-DD]',
      description: 'See the agenda card as members will, before posting.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...dateOf(input.args) });
        return previewAgenda(deps, { ...input, meetingId: meeting.id, meeting });
      },
    }),
    command({
      words: 'agenda post',
      menu: true,
      usage: 'agenda post [YYYY-MM-DD]',
      description: 'Post the agenda to the board channel; later changes update it in place.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...dateOf(input.args) });
        return postAgenda(deps, { ...input, meetingId: meeting.id, meeting });
      },
    }),
    command({
      words: 'agenda remind',
      menu: true,
      usage: 'agenda remind [YYYY-MM-DD]',
      description: 'Send a reminder now (7 days and 1 day before go out by themselves).',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...dateOf(input.args) });
        return remindAgenda(deps, { ...input, meetingId: meeting.id, meeting });
      },
    }),
  ],
  buttons: [
    button({ id: 'agenda.post', payload: meetingId, run: (deps, input) => postAgenda(deps, { ...input, meetingId: input.payload.meetingId }) }),
    button({ id: 'agenda.import.confirm', payload: importId, run: (deps, input) => saveAgendaImport(deps, { ...input, importId: input.payload.importId }) }),
    button({ id: 'agenda.import.discard', payload: importId, run: (deps, input) => discardAgendaImport(deps, { ...input, importId: input.payload.importId }) }),
    button({
      id: 'agenda.paste.more',
      payload: z.object({ importId: z.uuid(), meetingId: z.uuid() }),
      run: (deps, input) => openPasteMoreForm(deps, { ...input, ...input.payload }),
    }),
  ],
  forms: [itemAddForm, itemEditForm, pasteForm],
  templates: [agendaCardTemplate, agendaChangedTemplate, agendaReminderTemplate],
  jobs: (ctx) => [agendaReminderJob(ctx)],
});
