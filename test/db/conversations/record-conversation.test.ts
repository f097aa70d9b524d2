// Recording where the bot can speak, on a real database: a conversation keeps its tenant (or Slack
// workspace); another tenant's activity for the same conversation id changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConversation, type ConversationInput } from '../../../src/features/conversations/record-conversation.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

let n = 0;
const teamsConversation = (overrides: Partial<ConversationInput> = {}): ConversationInput => ({
  platform: 'teams',
  conversationId: `19:conversation-${++n}@thread.tacv2`,
  kind: 'channel',
  tenantId: 'tenant-one',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  reference: { conversation: { id: 'x' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' },
  ...overrides,
});

const stored = (input: ConversationInput) =>
  db.prisma.conversationReference.findUniqueOrThrow({
    where: { platform_conversationId: { platform: input.platform, conversationId: input.conversationId } },
    select: { tenantId: true, serviceUrl: true, reference: true, kind: true },
  });

describe('recordConversation', () => {
  it('creates the reference once, then refreshes it for the same tenant (Teams may move a serviceUrl)', async () => {
    const first = teamsConversation();
    const created = await recordConversation(db, first);
    expect(created).toMatchObject({ created: true });
    const moved = { ...first, serviceUrl: 'https://smba.trafficmanager.net/uk/', reference: { moved: true } };
    expect(await recordConversation(db, moved)).toEqual({ id: created.id, created: false });
    expect(await stored(first)).toMatchObject({ tenantId: 'tenant-one', serviceUrl: 'https://smba.trafficmanager.net/uk/', reference: { moved: true } });
  });

  it('writes nothing when a Slack conversation is seen again as it is stored (every command in a channel); a Teams one is marked seen', async () => {
    const first: ConversationInput = { platform: 'slack', conversationId: `C${++n}`, kind: 'channel', tenantId: 'T0SEED', reference: { channelId: `C${n}`, teamId: 'T0SEED' } };
    const { id } = await recordConversation(db, first);
    const updatedAt = async () => (await db.prisma.conversationReference.findUniqueOrThrow({ where: { id }, select: { updatedAt: true } })).updatedAt.getTime();
    const before = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The same reference with its keys in another order is the same reference.
    const reordered = { ...first, reference: Object.fromEntries(Object.entries(first.reference).reverse()) };
    expect(await recordConversation(db, reordered)).toEqual({ id, created: false });
    expect(await updatedAt()).toBe(before);
    // Teams: the newest reference is where a person's messages go (src/delivery/targets.ts).
    const teams = teamsConversation();
    const seen = await recordConversation(db, teams);
    const teamsUpdatedAt = async () => (await db.prisma.conversationReference.findUniqueOrThrow({ where: { id: seen.id }, select: { updatedAt: true } })).updatedAt.getTime();
    const firstSeen = await teamsUpdatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await recordConversation(db, teams);
    expect(await teamsUpdatedAt()).toBeGreaterThan(firstSeen);
  });

  it('keeps the stored tenant and serviceUrl when another tenant names the same conversation', async () => {
    const first = teamsConversation();
    const { id } = await recordConversation(db, first);
    const before = await stored(first);
    const impostor = { ...first, tenantId: 'tenant-two', serviceUrl: 'https://evil.example/', kind: 'personal' as const, reference: { evil: true } };
    expect(await recordConversation(db, impostor)).toEqual({ id, created: false, ignored: 'other_tenant' });
    expect(await stored(first)).toEqual(before);
  });

  it('does not let an activity without a tenant re-point a conversation that has one', async () => {
    const first = teamsConversation();
    await recordConversation(db, first);
    const { tenantId: _tenantId, ...noTenant } = first;
    expect(await recordConversation(db, { ...noTenant, serviceUrl: 'https://evil.example/' })).toMatchObject({ ignored: 'other_tenant' });
    expect(await stored(first)).toMatchObject({ tenantId: 'tenant-one', serviceUrl: first.serviceUrl });
  });

  it('gives a conversation first seen without a tenant the first tenant it is seen with', async () => {
    const { tenantId: _tenantId, ...noTenant } = teamsConversation();
    await recordConversation(db, noTenant);
    expect(await recordConversation(db, { ...noTenant, tenantId: 'tenant-one' })).toMatchObject({ created: false });
    expect(await recordConversation(db, { ...noTenant, tenantId: 'tenant-two' })).toMatchObject({ ignored: 'other_tenant' });
    expect(await stored(noTenant)).toMatchObject({ tenantId: 'tenant-one' });
  });

  it('applies to Slack workspaces too: a channel id from another team changes nothing', async () => {
    const channel: ConversationInput = { platform: 'slack', conversationId: `C${++n}BOARD`, kind: 'channel', tenantId: 'T_ONE', reference: { channel: 'C' } };
    await recordConversation(db, channel);
    expect(await recordConversation(db, { ...channel, tenantId: 'T_TWO', reference: { channel: 'other' } })).toMatchObject({ ignored: 'other_tenant' });
    expect(await stored(channel)).toMatchObject({ tenantId: 'T_ONE', reference: { channel: 'C' } });
  });

  it('keeps one tenant when two tenants race to record a new conversation', async () => {
    for (let round = 0; round < 5; round++) {
      const first = teamsConversation();
      const second = { ...first, tenantId: 'tenant-two', serviceUrl: 'https://evil.example/' };
      const results = await Promise.all([recordConversation(db, first), recordConversation(db, second)]);
      const row = await stored(first);
      const winner = row.tenantId === 'tenant-one' ? 0 : 1;
      expect(results[winner]).not.toHaveProperty('ignored', 'other_tenant');
      expect(results[1 - winner]).toMatchObject({ ignored: 'other_tenant' });
      expect(row.serviceUrl).toBe(winner === 0 ? first.serviceUrl : second.serviceUrl);
    }
  });
});
