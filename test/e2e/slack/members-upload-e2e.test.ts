// Uploading the membership list on Slack, end to end through signed requests and the fake Slack:
// the "members import" modal has a file input beside the paste box; a CSV uploaded there is
// described with files.info, downloaded with the bot token (files:read), read like a paste and
// previewed; Save adds the people. A file over 2 MB is refused naming its size before any
// download, and also when files.info understated it (the download stops at 2 MB); a binary file
// and a malformed CSV are refused by name; none of them stores anything.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackModalSchema } from '../../../cards/validate/slack-limits.ts';
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

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; optional?: boolean; element?: Record<string, unknown> }[];
}

async function openedImport(): Promise<OpenedView> {
  const ack = await service.slack.command(slashCommand({ text: 'members import', channel_id: 'CSCPB', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl() }));
  expect([ack.status, ack.text]).toEqual([200, '']);
  const call = await service.fake.waitFor('views.open');
  const parsed = slackModalSchema.safeParse(call.body.view);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return call.body.view as OpenedView;
}

/** The modal submitted with an uploaded file (Slack sends the file's object in the state). */
const upload = (view: OpenedView, fileId: string, text: string | null = null) =>
  service.slack.interaction(
    viewSubmission({
      callback_id: view.callback_id,
      private_metadata: view.private_metadata,
      user: { id: seed.clerk.slackUserId },
      values: { text: { type: 'plain_text_input', value: text }, file: { type: 'file_input', files: [{ id: fileId, name: 'upload' }] } } as never,
    }),
  );

async function privately(text: string) {
  const call = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === seed.clerk.slackUserId && JSON.stringify(c.body).includes(text));
  return JSON.stringify(call.body);
}

const CSV = 'name,title,organisation,short name,role,email\r\nJo King,Head of Housing,Barnet Homes,,member,jo.king@barnet.example\r\nPat Lee,Inspector,Metropolitan Police,Met,member,\r\n';

describe('uploading the membership list on Slack', () => {
  it('offers a CSV or text file beside the paste box, reads an uploaded CSV like a paste, and saves it', async () => {
    const view = await openedImport();
    const box = view.blocks.find((b) => b.block_id === 'text');
    const file = view.blocks.find((b) => b.block_id === 'file');
    expect(box).toMatchObject({ optional: true, element: { type: 'plain_text_input' } });
    expect(file).toMatchObject({ type: 'input', optional: true, element: { type: 'file_input', filetypes: ['csv', 'txt'], max_files: 1 } });

    service.fake.addFile({ id: 'F0CSV1', name: 'members.csv', mimetype: 'text/csv', filetype: 'csv', content: Buffer.from(`\uFEFF${CSV}`, 'utf8') });
    expect((await upload(view, 'F0CSV1')).body).toEqual({ response_action: 'clear' });
    const preview = await privately('Check these people before saving');
    expect(preview).toContain('Jo King');
    expect(preview).toContain('Pat Lee');
    expect(service.fake.calls('files.info').map((c) => c.body.file)).toEqual(['F0CSV1']);
    const downloads = service.fake.calls('files.download');
    expect(downloads.map((c) => [c.status, c.token])).toEqual([[200, expect.any(String)]]);
    expect(await service.db.prisma.member.count({ where: { name: 'Jo King' } })).toBe(0);

    const held = await service.db.prisma.memberImport.findFirstOrThrow({ where: { appliedAt: null } });
    const responseUrl = service.fake.responseUrl();
    await service.slack.interaction(
      blockActions({
        user: { id: seed.clerk.slackUserId, username: 'x', name: 'x', team_id: 'T0SEED' },
        container: { type: 'message', message_ts: '1.1', channel_id: 'CSCPB', is_ephemeral: true },
        response_url: responseUrl,
        actions: [button({ action_id: 'members.import.save', value: JSON.stringify({ importId: held.id }) })],
      }),
    );
    expect(JSON.stringify((await service.fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`))).body)).toContain('Added 2 people');
    await settled(async () => (await service.db.prisma.member.count({ where: { boardId: seed.boardId, name: { in: ['Jo King', 'Pat Lee'] } } })) === 2, 'the uploaded people saved');
    const roster = JSON.stringify((await service.ask(slashCommand({ text: 'members', channel_id: 'CSCPB', user_id: seed.member.slackUserId }))).body);
    for (const name of ['Jo King', 'Pat Lee', 'Barnet Homes']) expect(roster).toContain(name);
  });

  it('refuses a file over 2 MB naming its size, before downloading it, and stops a download that passes 2 MB whatever files.info said', async () => {
    const before = await service.db.prisma.member.count();
    const big = Buffer.from(`name,title\n${'Jo King,Head of Housing\n'.repeat(110_000)}`, 'utf8');
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    service.fake.addFile({ id: 'F0BIG1', name: 'everyone.csv', mimetype: 'text/csv', filetype: 'csv', content: big });
    const view = await openedImport();
    expect((await upload(view, 'F0BIG1')).body).toEqual({ response_action: 'clear' });
    await privately('everyone.csv is 2.5 MB; a membership list file is at most 2 MB.');
    expect(service.fake.calls('files.download')).toEqual([]);

    // files.info says 1 KB; the download is cut at 2 MB all the same.
    service.fake.addFile({ id: 'F0BIG2', name: 'understated.csv', mimetype: 'text/csv', filetype: 'csv', content: big, reportedSize: 1024 });
    await upload(view, 'F0BIG2');
    await privately('understated.csv is more than 2 MB; a membership list file is at most 2 MB.');
    expect(service.fake.calls('files.download')).toHaveLength(1);
    expect(await service.db.prisma.member.count()).toBe(before);
    expect(await service.db.prisma.memberImport.count({ where: { appliedAt: null } })).toBe(0);
  });

  it('refuses a binary file, an unreadable CSV naming the row and field, a file without the files:read scope, and a paste with a file, storing nothing', async () => {
    const before = await service.db.prisma.member.count();
    const view = await openedImport();
    // A spreadsheet saved as .xlsx and renamed .csv: a zip archive, not text.
    service.fake.addFile({ id: 'F0BIN1', name: 'members.csv', mimetype: 'application/zip', filetype: 'csv', content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xff, 0xfe]) });
    await upload(view, 'F0BIN1');
    await privately('members.csv is not a text file. Save the list as CSV (UTF-8) or plain text and upload that, or paste it.');

    service.fake.addFile({ id: 'F0BAD1', name: 'roles.csv', mimetype: 'text/csv', filetype: 'csv', content: Buffer.from('name,role\nJo King,boss\n') });
    await upload(view, 'F0BAD1');
    await privately('Line 2, role: \\"boss\\" is not a role.');

    // Without files:read (an app installed before it was asked for) the clerk is told what to do.
    service.fake.scopes.delete('files:read');
    try {
      service.fake.addFile({ id: 'F0CSV3', name: 'members.csv', mimetype: 'text/csv', filetype: 'csv', content: Buffer.from(CSV) });
      await upload(view, 'F0CSV3');
      await privately('Quorum\u2019s Slack app lacks a permission it needs for this (reinstall it from manifest/slack/manifest.json).');
    } finally {
      service.fake.scopes.add('files:read');
    }

    // The paste box and a file together: refused in the ack, beside the file, nothing fetched.
    service.fake.addFile({ id: 'F0CSV2', name: 'members.csv', mimetype: 'text/csv', filetype: 'csv', content: Buffer.from(CSV) });
    const both = await upload(view, 'F0CSV2', fixture('membership-2018-06.txt').slice(0, 200));
    expect(both.body).toEqual({ response_action: 'errors', errors: { file: 'Paste the list or upload it, not both.' } });
    expect(service.fake.calls('files.info').map((c) => c.body.file)).toEqual(['F0BIN1', 'F0BAD1', 'F0CSV3']);
    expect(await service.db.prisma.member.count()).toBe(before);
    expect(await service.db.prisma.memberImport.count({ where: { appliedAt: null } })).toBe(0);
  });
});
