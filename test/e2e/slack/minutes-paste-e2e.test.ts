// Paste minutes to record their actions, on Slack through the real service: the clerk pastes the
// seed minutes of 24 July 2012 in pieces ("Paste more"), and the preview lists every action with
// its agenda item and heading, description and owners matched to the roster, the owners not on the
// roster and the lines that could not be read; nothing is saved until Save. Save records the ones
// with an owner on the roster, each owner gets the card, and a second click saves nothing more.
// Discard saves nothing; someone who is not a clerk is refused.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { minutesChunks } from '../../support/minutes-chunks.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

const MINUTES = readFileSync(new URL('../../fixtures/actions/minutes-2012-07-24.txt', import.meta.url), 'utf8');
const DOUBTFUL = 'Actions: see the tracker';

let service: SlackService;
let seed: SeedBoard;
let heldId: string;
const people: Record<string, string> = {};

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma);
  for (const [name, slackUserId] of [['Paul Lamb', 'UPAUL'], ['Manju Lukhman', 'UMANJU'], ['Terry Cameron', 'UTERRY'], ['Jay Mercer', 'UJAY'], ['Chris Palmer', 'UCHRIS']] as const) {
    people[name] = (await service.db.prisma.member.create({ data: { boardId: seed.boardId, name, slackUserId } })).id;
  }
  const held = await service.db.prisma.meeting.create({
    data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token', items: { create: [{ position: 1, number: '2.2', title: 'AntiSocial Behaviour (ASB)' }] } },
  });
  heldId = held.id;
  await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2027-01-22T10:00:00Z'), calendarToken: 'next-token' } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

type Blocks = { type: string; elements?: { action_id?: string; value?: string }[]; accessory?: { action_id?: string; value?: string } }[];

/** The button with this action name on a card: its action_id and value, as Slack sends them back. */
function buttonOn(blocks: Blocks, name: string): { action_id: string; value: string } {
  for (const block of blocks) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.action_id?.replace(/#\d+$/, '') === name && element.value) return { action_id: element.action_id, value: element.value };
    }
  }
  throw new Error(`no ${name} button on the card`);
}

/** A click on the clerk's own (ephemeral) preview; a form it opens, or the answer that replaces it. */
async function click(blocks: Blocks, name: string, userId = seed.clerk.slackUserId) {
  const responseUrl = service.fake.responseUrl();
  await service.slack.interaction(
    blockActions({
      user: { id: userId, username: 'alex', name: 'alex', team_id: 'T0SEED' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'CSCPB', is_ephemeral: true },
      response_url: responseUrl,
      actions: [button(buttonOn(blocks, name))],
    }),
  );
  return responseUrl;
}

async function paste(privateMetadata: string, text: string): Promise<Blocks> {
  const before = service.fake.calls('chat.postEphemeral').length;
  const res = await service.slack.interaction(viewSubmission({ callback_id: 'action.paste', private_metadata: privateMetadata, user: { id: seed.clerk.slackUserId }, values: { text: { type: 'plain_text_input', value: text } } }));
  expect(res.body).toEqual({ response_action: 'clear' });
  const preview = await eventually(async () => service.fake.calls('chat.postEphemeral').slice(before).find((c) => JSON.stringify(c.body).includes('Check these actions')));
  expect(slackMessageSchema.safeParse({ text: preview.body.text, blocks: preview.body.blocks }).success).toBe(true);
  return preview.body.blocks as Blocks;
}

describe('paste minutes to record their actions (Slack)', () => {
  it('reads the seed minutes pasted in pieces, shows every action for confirmation, and saves on Save, once', async () => {
    await service.slack.command(slashCommand({ text: 'actions paste', user_id: seed.clerk.slackUserId, channel_id: 'CSCPB', response_url: service.fake.responseUrl() }));
    const opened = await service.fake.waitFor('views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('action.paste');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ meetingId: heldId });

    const chunks = minutesChunks(`${MINUTES}\n\n${DOUBTFUL}`);
    expect(chunks.length).toBeGreaterThan(1);
    let blocks = await paste(view.private_metadata, chunks[0] as string);
    for (const chunk of chunks.slice(1)) {
      await click(blocks, 'action.paste.more');
      const more = await service.fake.waitFor('views.open', (c) => (c.body.view as { callback_id: string }).callback_id === 'action.paste' && JSON.parse((c.body.view as { private_metadata: string }).private_metadata).importId);
      await service.resetFake();
      blocks = await paste((more.body.view as { private_metadata: string }).private_metadata, chunk);
    }
    // Nothing is saved before Save.
    expect(await service.db.prisma.action.count()).toBe(0);
    const shown = JSON.stringify(blocks);
    for (const heading of ['2.2 AntiSocial Behaviour (ASB)', '2.3 Violent Crime with Special Focus on Domestic Violence (DV)', '2.4 Improving Integrated Offender Management (IOM)', '2.5 Broader', '2.8 Building Reassurance and Confidence', '3.1 Substance Misuse Strategy', '3.3 Safeguarding Annual Children']) {
      expect(shown).toContain(heading);
    }
    expect(shown).toContain('Invite DVIP to the next board meeting.');
    expect(shown).toContain('Manju Likhman: Not on the roster (did you mean Manju Lukhman?): not taken.');
    expect(shown).toContain('Michael Kelly: Not on the roster: not taken.');
    expect(shown).toContain('Ceri Jacob: Not on the roster: not taken.');
    expect(shown).toMatch(new RegExp(`Line \\d+: ${DOUBTFUL}`));
    expect(shown).toContain('Saving records 4 of these 7 actions, due Thu 21 Jan 2027 (the day before the next meeting), and sends each owner their card.');

    const saveUrl = await click(blocks, 'action.import.save');
    const saved = await service.fake.waitForResponse((r) => saveUrl.endsWith(`/${r.id}`));
    const said = JSON.stringify(saved.body);
    expect(said).toContain('Recorded 4 actions from the minutes of Fri 20 Nov 2026, due Thu 21 Jan 2027');
    expect(said).toMatch(/line \d+ \(Manju Likhman: not on the roster\)/);
    expect(said).toMatch(/line \d+ \(Ceri Jacob: not on the roster\); line \d+ \(Tim Beach: not on the roster\)/);
    const actions = await service.db.prisma.action.findMany({ include: { owners: true, agendaItem: true }, orderBy: { createdAt: 'asc' } });
    expect(actions.map((a) => [a.agendaItem ? `${a.agendaItem.number}. ${a.agendaItem.title}` : a.itemLabel, a.owners.map((o) => o.memberId)])).toEqual([
      ['2.2. AntiSocial Behaviour (ASB)', [people['Paul Lamb']]],
      ['2.4 Improving Integrated Offender Management (IOM)', [people['Terry Cameron']]],
      ['2.5 Broader, Cost Effective Early Intervention (Troubled Families Programme)', [people['Jay Mercer']]],
      ['2.8 Building Reassurance and Confidence', [people['Chris Palmer']]],
    ]);
    expect(actions.every((a) => a.dueDate.toISOString().startsWith('2027-01-21') && a.meetingId === heldId)).toBe(true);
    // Each owner gets the card in their direct messages.
    const card = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'DPAUL');
    expect(JSON.stringify(card.body.blocks)).toContain('The methodology for measuring ASB');

    // A second click (or Slack's retry) saves nothing more.
    const againUrl = await click(blocks, 'action.import.save');
    const again = await service.fake.waitForResponse((r) => againUrl.endsWith(`/${r.id}`));
    expect(JSON.stringify(again.body)).toContain('Those actions were saved already.');
    expect(await service.db.prisma.action.count()).toBe(4);
  });

  it('Discard saves nothing and deletes the paste', async () => {
    const meta = JSON.stringify({ meetingId: heldId, slackChannel: 'CSCPB' });
    const blocks = await paste(meta, minutesChunks(MINUTES)[1] as string);
    const { importId } = JSON.parse(buttonOn(blocks, 'action.import.discard').value) as { importId: string };
    expect(await service.db.prisma.actionImport.findUnique({ where: { id: importId } })).not.toBeNull();
    const url = await click(blocks, 'action.import.discard');
    const answer = await service.fake.waitForResponse((r) => url.endsWith(`/${r.id}`));
    expect(JSON.stringify(answer.body)).toContain('Discarded: nothing was saved.');
    expect(await service.db.prisma.actionImport.findUnique({ where: { id: importId } })).toBeNull();
    expect(await service.db.prisma.action.count()).toBe(4);
  });

  it('holds a piece with no action in it yet, says so, and offers no Save', async () => {
    const blocks = await paste(JSON.stringify({ meetingId: heldId, slackChannel: 'CSCPB' }), 'The minutes of the last meeting were agreed.');
    expect(JSON.stringify(blocks)).toContain('No actions found yet. If the minutes go on, add the rest with \\"Paste more\\"');
    expect(() => buttonOn(blocks, 'action.import.save')).toThrow('no action.import.save button');
    expect(buttonOn(blocks, 'action.paste.more').value).toContain('importId');
  });

  it('refuses an empty paste on the field, in the modal, saving nothing', async () => {
    const before = await service.db.prisma.actionImport.count();
    const res = await service.slack.interaction(viewSubmission({ callback_id: 'action.paste', private_metadata: JSON.stringify({ meetingId: heldId }), user: { id: seed.clerk.slackUserId }, values: { text: { type: 'plain_text_input', value: '   ' } } }));
    expect(res.body).toEqual({ response_action: 'errors', errors: { text: 'Paste the minutes.' } });
    expect(await service.db.prisma.actionImport.count()).toBe(before);
  });

  it('refuses a member who is not a clerk, naming who can help', async () => {
    const res = await service.ask(slashCommand({ text: 'actions paste', user_id: seed.member.slackUserId, channel_id: 'CSCPB' }));
    expect(JSON.stringify(res.body)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that.');
    expect(JSON.stringify(res.body)).toContain('Alex Dewsnap');
    expect(service.fake.calls('views.open')).toEqual([]);
  });
});
