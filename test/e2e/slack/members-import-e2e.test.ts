// Importing the membership on Slack, end to end through signed requests: the clerk pastes the seed
// papers' membership list (in two pastes, as Slack's box takes 3,000 characters), checks the
// preview (each person, and every line not read), and saves once however often Save is clicked;
// those with an email are linked by users.lookupByEmail. Malformed CSV and emails already on the
// roster are refused, naming the line and the field; only clerks and the chair may import.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { settled, startSlackService, type SlackService } from './service.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/members/${name}`, import.meta.url), 'utf8');

let service: SlackService;
let seed: SeedBoard;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

const command = (text: string, user = seed.clerk.slackUserId) => service.ask(slashCommand({ text, channel_id: 'CSCPB', user_id: user }));

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; element?: { type: string; max_length?: number; multiline?: boolean } }[];
}

async function openedImport(): Promise<OpenedView> {
  const ack = await service.slack.command(slashCommand({ text: 'members import', channel_id: 'CSCPB', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl() }));
  expect([ack.status, ack.text]).toEqual([200, '']);
  const call = await service.fake.waitFor('views.open');
  const parsed = slackModalSchema.safeParse(call.body.view);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return call.body.view as OpenedView;
}

const paste = (view: OpenedView, text: string, user = seed.clerk.slackUserId) =>
  service.slack.interaction(viewSubmission({ callback_id: view.callback_id, private_metadata: view.private_metadata, user: { id: user }, values: { text: { type: 'plain_text_input', value: text } } }));

/** The private message (after the modal closed) to `user` containing `text`. */
async function privately(text: string, user = seed.clerk.slackUserId) {
  const call = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === user && JSON.stringify(c.body).includes(text));
  return call.body as { text: string; blocks: unknown[] };
}

function click(actionId: string, value: unknown, user = seed.clerk.slackUserId) {
  const responseUrl = service.fake.responseUrl();
  const sent = service.slack.interaction(
    blockActions({
      user: { id: user, username: 'x', name: 'x', team_id: 'T0SEED' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'CSCPB', is_ephemeral: true },
      response_url: responseUrl,
      actions: [button({ action_id: actionId, value: JSON.stringify(value) })],
    }),
  );
  return { sent, answer: async () => (await service.fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`))).body as { text: string; blocks: unknown[] } };
}

const APPENDIX_PEOPLE = fixture('membership-2018-06.txt').split('\n').flatMap((l) => /^- \*\*(.+?)\*\*/.exec(l)?.[1] ?? []);
const TABLE_PEOPLE = fixture('attendance-2012-07-24.txt').split('\n').flatMap((l) => (l.includes('\t') ? [l.split('\t')[0] as string] : []));

describe('members import on Slack', () => {
  it('reads a pasted list in two parts, previews it with the lines not read, saves it once on a double click and links by email', async () => {
    const view = await openedImport();
    expect(view.callback_id).toBe('members.import');
    const box = view.blocks.find((b) => b.block_id === 'text')?.element;
    expect(box).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });

    // The Appendix 3b list with one person who has an email, then the minutes' tables with "Paste
    // more" (as the rest of a list longer than one box comes), read together.
    const first = `${fixture('membership-2018-06.txt')}- **Sam Patel**, Inspector, Metropolitan Police, sam.patel@met.police.example\n`;
    const second = fixture('attendance-2012-07-24.txt');
    expect((await paste(view, first)).body).toEqual({ response_action: 'clear' });
    const preview = await privately('Check these people before saving');
    expect(slackMessageSchema.safeParse(preview).success).toBe(true);
    let shown = JSON.stringify(preview.blocks);
    for (const name of [...APPENDIX_PEOPLE, 'Sam Patel']) expect(shown).toContain(name);
    expect(shown).toContain('Detective Chief Superintendent (Borough Commander)');
    expect(shown).toContain('Community Rehabilitation Company (CRC)');
    expect(shown).toContain('Line 1: Appendix 3b: Membership of the Safer Communities Partnership (June 2018)');
    const held = await service.db.prisma.memberImport.findFirstOrThrow();
    expect(shown).toContain('"action_id":"members.import.more"');
    expect(await service.db.prisma.member.count({ where: { name: 'Simon Rose' } })).toBe(0);

    await service.resetFake();
    const more = click('members.import.more', { importId: held.id });
    await more.sent;
    const opened = await service.fake.waitFor('views.open');
    const moreView = opened.body.view as OpenedView;
    expect(JSON.parse(moreView.private_metadata)).toMatchObject({ importId: held.id });
    expect((await paste(moreView, second)).body).toEqual({ response_action: 'clear' });
    const both = await privately('Check these people before saving');
    shown = JSON.stringify(both.blocks);
    // 39 people: the first 30 in the table (a Teams message holds about 28 KB), the rest counted.
    for (const name of TABLE_PEOPLE.slice(0, 15)) expect(shown).toContain(name);
    expect(shown).toContain('Showing the first 30 of 39 people read (to line 48); the rest are saved with them.');
    expect(shown).not.toContain('Ceri Jacob');
    // The second paste's lines are numbered after the first's (18 lines, the joining line, then
    // the minutes' opening blank line).
    expect(shown).toContain('Line 21: Safer Communities Partnership Board');
    // Steve Leader of the London Fire Brigade is in both: read once.
    expect(shown).toContain('Steve Leader is on line 10 already.');

    // A double click: both are answered, the list is saved once.
    await service.resetFake();
    service.fake.addUser({ id: 'U0SAMP', name: 'sam.patel', realName: 'Sam Patel', email: 'Sam.Patel@met.police.example' });
    const [a, b] = [click('members.import.save', { importId: held.id }), click('members.import.save', { importId: held.id })];
    await Promise.all([a.sent, b.sent]);
    const answers = (await Promise.all([a.answer(), b.answer()])).map((r) => JSON.stringify(r.blocks));
    expect(answers.some((t) => t.includes('Added 39 people'))).toBe(true);
    expect(answers.some((t) => t.includes('That list was saved already.'))).toBe(true);
    expect(answers.join('\n')).toContain('Linked on Slack by email: Sam Patel.');
    expect(service.fake.calls('users.lookupByEmail')).toHaveLength(1);
    await settled(async () => (await service.db.prisma.member.count({ where: { boardId: seed.boardId } })) === 3 + 39, 'the people saved once');
    // Steve Leader, Julie Pal and two more are both in the appendix and the minutes: with another
    // organisation, they are other people on the roster; the same name in the same organisation is one.
    for (const name of new Set([...APPENDIX_PEOPLE, ...TABLE_PEOPLE])) expect(await service.db.prisma.member.count({ where: { name } }), name).toBeGreaterThanOrEqual(1);
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Sam Patel' } })).toMatchObject({ slackUserId: 'U0SAMP', slackTeamId: 'T0SEED', email: 'sam.patel@met.police.example', title: 'Inspector' });
    const crc = await service.db.prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'Community Rehabilitation Company' } });
    expect(crc.shortName).toBe('CRC');
    const longstaff = await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Cllr David Longstaff' }, include: { roles: true } });
    expect(longstaff.roles.map((r) => r.role)).toEqual(['chair']);
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Pam Wharfe' } })).toMatchObject({ role: 'adviser', countsTowardsQuorum: false });

    const roster = JSON.stringify((await command('members', seed.member.slackUserId)).body);
    for (const name of ['Simon Rose', 'Katie Morgan', 'Pam Wharfe', 'Ceri Jacob', 'Sam Patel']) expect(roster).toContain(name);
    expect(roster).toContain('*Community Rehabilitation Company* (CRC)');

    // Pasting the same list again adds nobody: everyone is on the roster already.
    const again = await openedImport();
    expect((await paste(again, first)).body).toEqual({ response_action: 'clear' });
    const repeat = JSON.stringify((await privately('Saving adds 0 people')).blocks);
    expect(repeat).toContain('Simon Rose (on the roster)');
    const repeated = await service.db.prisma.memberImport.findFirstOrThrow({ where: { appliedAt: null } });
    const discarded = click('members.import.discard', { importId: repeated.id });
    await discarded.sent;
    expect(JSON.stringify(await discarded.answer())).toContain('Discarded: nobody was added.');
    expect(await service.db.prisma.memberImport.count({ where: { appliedAt: null } })).toBe(0);
  });

  it('refuses a malformed CSV and an email someone else on the roster has, naming the line and field, and saves nothing', async () => {
    const before = await service.db.prisma.member.count();
    const view = await openedImport();
    await paste(view, 'name,title,email\nJo King,Head of Housing,jo@barnet.example\nPat Lee,"Inspector,pat@met.example\n');
    await privately('Line 3: a quote (\\") is opened and never closed');
    await paste(view, 'name,title,email\nJo King,Head of Housing, Barnet Homes,jo@barnet.example\n');
    await privately('Line 2: 4 columns where the header has 3 (name, title, email).');
    await paste(view, 'name,role\nJo King,boss\n');
    await privately('Line 2, role: \\"boss\\" is not a role.');
    await paste(view, 'name,email\nJo King,jo@barnet.example\nPat Lee,Jo@Barnet.example\n');
    await privately('Line 3, email: jo@barnet.example is also on line 2.');
    await paste(view, 'name,email\nJo King,jo@barnet.example\nPat Lee,alex.dewsnap@example.org\n');
    await privately('Line 3, email: alex.dewsnap@example.org is Alex Dewsnap\u2019s, who is on the roster.');
    // Over one box is refused in the ack, under the field, with the modal still open.
    const long = await paste(view, `name,title\n${'Jo King,Head of Housing\n'.repeat(140)}`);
    expect(long.body).toMatchObject({ response_action: 'errors', errors: { text: expect.stringContaining('Paste at most 3,000 characters at a time') } });
    expect(await service.db.prisma.member.count()).toBe(before);
    expect(await service.db.prisma.memberImport.count({ where: { appliedAt: null } })).toBe(0);
  });

  it('lets only clerks and the chair import, naming who can help; a member\u2019s Save changes nothing', async () => {
    const refused = await command('members import', seed.member.slackUserId);
    // The chair the minutes named ("(Chairman)"), imported above, is among those who can help now.
    expect(JSON.stringify(refused.body)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that. Ask Alex Dewsnap (clerk), Cllr David Longstaff (chair) or Cllr Krishna Suresh (chair) if you should be able to.');
    expect(service.fake.calls('views.open')).toEqual([]);
    // Slack sends a slash command's @mentions as plain text: names typed after "members add" are
    // not guessed at, the form is the way.
    const typed = await command('members add Jo King');
    expect(JSON.stringify(typed.body)).toContain('Run \\"members add\\" alone, then pick the people by name in the form.');

    const view = await openedImport();
    await paste(view, '- **Jo King**, Head of Housing, Barnet Homes');
    await privately('Check these people before saving');
    const held = await service.db.prisma.memberImport.findFirstOrThrow({ where: { appliedAt: null } });
    // A member who got hold of the button (or forged it) is refused, and the list stays held.
    const forged = click('members.import.save', { importId: held.id }, seed.member.slackUserId);
    await forged.sent;
    expect(JSON.stringify(await forged.answer())).toContain('Only the clerk or the chair');
    expect(await service.db.prisma.member.count({ where: { name: 'Jo King' } })).toBe(0);
    // The clerk discards it: nothing is saved, and Save then finds nothing to save.
    const discard = click('members.import.discard', { importId: held.id });
    await discard.sent;
    expect(JSON.stringify(await discard.answer())).toContain('Discarded: nobody was added.');
    const late = click('members.import.save', { importId: held.id });
    await late.sent;
    expect(JSON.stringify(await late.answer())).toContain('That list could not be found');
    expect(await service.db.prisma.member.count({ where: { name: 'Jo King' } })).toBe(0);
  });
});
