// Uploading the membership list on Teams, end to end through Bot Framework activities: the clerk
// sends "members import" with the CSV attached in their personal chat with the bot (Teams'
// file.download.info attachment); the file is downloaded (2 MB at most, counted as it comes), read
// like a paste and previewed; Save adds the people. A file over 2 MB and a binary file are refused
// by name, and a download URL anywhere but SharePoint (or the connector) is not fetched.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { eventually } from '../slack/service.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const CLERK_CHAT = 'a:1personal-chat-clerk';
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.status < 300;
const clerk = () => ({ id: '29:1clerk', name: 'Alex Dewsnap', aadObjectId: seed.clerk.teamsAadId });

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
});

const attachment = (name: string, downloadUrl: string) => ({
  contentType: 'application/vnd.microsoft.teams.file.download.info',
  contentUrl: downloadUrl,
  name,
  content: { downloadUrl, uniqueId: '1150D938-8870-4044-9F2C-5BBDEBA70C9D', fileType: name.split('.').pop() },
});

/** "members import" sent in the clerk's personal chat with the file attached; the bot's answer there. */
async function sendFile(name: string, downloadUrl: string): Promise<string> {
  const message = service.teams.message({ text: 'members import', place: 'personal', from: clerk(), conversation: { id: CLERK_CHAT, conversationType: 'personal', tenantId: TEAMS_DEFAULTS.tenantId } as never, attachments: [attachment(name, downloadUrl)] });
  expect((await service.teams.send(message)).status).toBe(200);
  const answer = await service.fake.waitFor((c) => posted(c) && c.conversationId === CLERK_CHAT);
  return JSON.stringify(answer.body);
}

const CSV = 'name,title,organisation,role\nJo King,Head of Housing,Barnet Homes,member\nPat Lee,Inspector,Metropolitan Police,member\n';

describe('uploading the membership list on Teams', () => {
  it('reads a CSV sent with "members import" in the personal chat, previews it and saves it', async () => {
    const url = service.fake.addFile('members.csv', Buffer.from(CSV), 'text/csv');
    const answer = await sendFile('members.csv', url);
    expect(answer).toContain('Check these people before saving');
    expect(answer).toContain('Jo King');
    expect(answer).toContain('Pat Lee');
    expect(service.fake.downloads(url)).toBe(1);
    const card = adaptiveCardOf(JSON.parse(answer) as never);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const held = await service.db.prisma.memberImport.findFirstOrThrow({ where: { appliedAt: null } });
    expect(await service.db.prisma.member.count({ where: { name: 'Jo King' } })).toBe(0);

    const res = await service.teams.send(service.teams.cardAction({ verb: 'members.import.save', data: { importId: held.id }, place: 'personal', from: clerk() }));
    expect(res.status).toBe(200);
    await eventually(async () => {
      const all = [JSON.stringify(res.body), ...service.fake.calls().filter(posted).map((c) => JSON.stringify(c.body))];
      return all.some((a) => a.includes('Added 2 people'));
    });
    expect(await service.db.prisma.member.count({ where: { boardId: seed.boardId, name: { in: ['Jo King', 'Pat Lee'] } } })).toBe(2);
  });

  it('refuses a file over 2 MB and a binary file by name, fetches no URL outside SharePoint, and stores nothing', async () => {
    const before = await service.db.prisma.member.count();
    const big = service.fake.addFile('everyone.csv', Buffer.from(`name,title\n${'Jo King,Head of Housing\n'.repeat(110_000)}`), 'text/csv');
    expect(await sendFile('everyone.csv', big)).toContain('everyone.csv is more than 2 MB; a membership list file is at most 2 MB.');

    await service.resetFake();
    service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
    const binary = service.fake.addFile('members.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    expect(await sendFile('members.xlsx', binary)).toContain('members.xlsx is not a text file.');

    // A download URL on another host is not fetched: the message is "members import" alone, which opens the form.
    await service.resetFake();
    service.fake.setPersonalChat(clerk().id, CLERK_CHAT);
    const elsewhere = await sendFile('members.csv', 'https://files.example.org/members.csv');
    expect(elsewhere).toContain('Import members');
    expect(elsewhere).not.toContain('Check these people');
    expect(await service.db.prisma.member.count()).toBe(before);
    expect(await service.db.prisma.memberImport.count({ where: { appliedAt: null } })).toBe(0);
  });
});
