// Slack over HTTP, end to end through the real service: signed requests from the test client to
// POST /slack/events, the real Bolt app and listeners, the core on a real database, and the fake
// Slack Web API recording what the bot sends back.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { CATALOGUE as COMMANDS } from '../../../src/core.ts';
import { appHomeOpened, appMention, directMessage, memberJoinedChannel, slashCommand } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;

beforeAll(async () => {
  service = await startSlackService();
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

/** Rows for these conversations (listeners record after the ack, so a test looks only at its own). */
const references = (...ids: string[]) =>
  service.db.prisma.conversationReference.findMany({ where: { conversationId: { in: ids } }, orderBy: { conversationId: 'asc' } });

/** A Slack message as sent (an ack body, a respond() body or chat.postMessage arguments) must
 * stay within Slack's documented limits. */
function expectValidMessage(message: unknown) {
  const parsed = slackMessageSchema.safeParse(message);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

function expectHelp(message: { text?: unknown; blocks?: unknown }) {
  expectValidMessage({ text: message.text, blocks: message.blocks });
  const shown = JSON.stringify(message.blocks);
  for (const command of COMMANDS) {
    expect(shown).toContain(command.usage.replace(/[<>&]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[c] as string).slice(0, 20));
    expect(shown).toContain(command.description.slice(0, 30));
  }
}

describe('/quorum', () => {
  it('acks "help" empty, then answers privately through the response_url with a help card listing every command', async () => {
    const { ack, body: answer } = await service.ask(slashCommand({ text: 'help' }));
    expect(ack.status).toBe(200);
    const body = answer as { response_type: string; text: string; blocks: unknown[] };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toBeTruthy();
    expectHelp(body);
  });

  it('treats an empty command as help', async () => {
    const { body } = await service.ask(slashCommand({ text: '' }));
    expectHelp(body as { text: string; blocks: unknown[] });
  });

  it('says plainly when it does not know a command', async () => {
    const { body: answer } = await service.ask(slashCommand({ text: 'frobnicate the minutes' }));
    const body = answer as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('I don\'t know the command "frobnicate the minutes"');
    expect(body.text).toMatch(/help/);
    expectValidMessage(body);
  });

  it('records the channel the command was used in, once', async () => {
    await service.slack.command(slashCommand({ text: 'help', channel_id: 'CBOARD1', team_id: 'T0SEED' }));
    await service.slack.command(slashCommand({ text: 'help', channel_id: 'CBOARD1', team_id: 'T0SEED' }));
    const rows = await eventually(async () => {
      const found = await references('CBOARD1');
      return found.length > 0 && found;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: 'slack', conversationId: 'CBOARD1', kind: 'channel', tenantId: 'T0SEED' });
    expect(rows[0]?.reference).toMatchObject({ channel: 'CBOARD1', team: 'T0SEED' });
  });

  it('does not record a direct message between people as a conversation of the bot', async () => {
    await service.slack.command(slashCommand({ text: 'help', channel_id: 'D0PEOPLE', channel_name: 'directmessage' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await references('D0PEOPLE')).toEqual([]);
  });
});

describe('request signing', () => {
  it('refuses a forged signature with 401, and nothing is recorded or sent', async () => {
    const res = await service.slack.command(slashCommand({ text: 'help', channel_id: 'CFORGED' }), {
      signingSecret: 'f'.repeat(32),
    });
    expect(res.status).toBe(401);
    const garbage = await service.slack.event(memberJoinedChannel({ channel: 'CFORGED2' }), { signature: 'v0=deadbeef' });
    expect(garbage.status).toBe(401);
    const unsigned = await service.slack.event(memberJoinedChannel({ channel: 'CFORGED3' }), { unsigned: true });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await references('CFORGED', 'CFORGED2', 'CFORGED3')).toEqual([]);
    expect(service.fake.calls().filter((c) => c.raw.includes('CFORGED'))).toEqual([]);
    expect(service.fake.responses()).toEqual([]);
  });

  it('refuses a correctly signed request older than five minutes (replay)', async () => {
    const res = await service.slack.command(slashCommand({ text: 'help', channel_id: 'CSTALE' }), { staleBySeconds: 6 * 60 });
    expect(res.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await references('CSTALE')).toEqual([]);
  });

  it('answers Slack\u2019s url_verification challenge', async () => {
    const res = await service.slack.urlVerification('3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P' });
  });
});

describe('events', () => {
  it('remembers a channel when the bot itself joins it', async () => {
    const res = await service.slack.event(memberJoinedChannel({ user: 'UBOT', channel: 'CJOINED', team: 'T0SEED', channel_type: 'C' }));
    expect(res.status).toBe(200);
    const rows = await eventually(async () => {
      const found = await references('CJOINED');
      return found.length > 0 && found;
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ platform: 'slack', conversationId: 'CJOINED', kind: 'channel', tenantId: 'T0SEED' });
    expect(rows[0]?.reference).toMatchObject({ channel: 'CJOINED', team: 'T0SEED' });
  });

  it('ignores other people joining a channel', async () => {
    const res = await service.slack.event(memberJoinedChannel({ user: 'USOMEONE', channel: 'COTHER' }));
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await references('COTHER')).toEqual([]);
  });

  it('publishes the Home tab and remembers the person\u2019s direct message channel', async () => {
    const res = await service.slack.event(appHomeOpened({ user: 'UHOME1', channel: 'DHOME1' }));
    expect(res.status).toBe(200);
    const call = await service.fake.waitFor('views.publish', (c) => c.body.user_id === 'UHOME1');
    const view = call.body.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(view.blocks.length).toBeGreaterThan(0);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view.blocks)).toContain(COMMANDS[0]?.description.slice(0, 30));
    const rows = await eventually(async () => {
      const found = await references('DHOME1');
      return found.length > 0 && found;
    });
    expect(rows[0]).toMatchObject({ conversationId: 'DHOME1', kind: 'personal', userId: 'UHOME1' });
  });

  it('answers an @mention in the thread, to the person who asked only', async () => {
    await service.slack.event(appMention({ command: 'help', channel: 'CMENTION', user: 'UASKER', ts: '1700000100.000100' }));
    const call = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.channel === 'CMENTION');
    expect(call.body).toMatchObject({ channel: 'CMENTION', user: 'UASKER', thread_ts: '1700000100.000100' });
    expectHelp(call.body as { text: string; blocks: unknown[] });
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('answers an @mention with an unknown command only to the person who wrote it', async () => {
    await service.slack.event(appMention({ command: 'frobnicate', channel: 'CMENTION', user: 'UASKER' }));
    const call = await service.fake.waitFor('chat.postEphemeral');
    expect(call.body).toMatchObject({ channel: 'CMENTION', user: 'UASKER' });
    expect(String(call.body.text)).toContain("I don't know the command");
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('answers a direct message to the bot in the same chat', async () => {
    await service.slack.event(directMessage({ user: 'UDM1', channel: 'DDM1', text: 'help' }));
    const call = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'DDM1');
    expectHelp(call.body as { text: string; blocks: unknown[] });
    const rows = await references('DDM1');
    expect(rows[0]).toMatchObject({ conversationId: 'DDM1', kind: 'personal', userId: 'UDM1' });
  });
});

describe('health and logs', () => {
  it('reports Slack on at /healthz', async () => {
    const res = await fetch(`${service.quorum.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', slack: { state: 'on', detail: 'http /slack/events' } });
  });

  it('never writes the bot token or the signing secret to the logs', async () => {
    await service.ask(slashCommand({ text: 'help' }));
    await service.ask(slashCommand({ text: 'frobnicate' }));
    await service.slack.command(slashCommand({ text: 'help' }), { signingSecret: 'e'.repeat(32) });
    await service.slack.event(appHomeOpened({ user: 'ULOG1' }));
    await service.fake.waitFor('views.publish');
    const logs = service.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(service.botToken);
    expect(logs).not.toContain(service.botToken.slice(5));
    expect(logs).not.toContain(service.signingSecret);
    // Nor what the bot said (the Web API client's debug lines carry whole bodies).
    expect(logs).not.toContain(COMMANDS[0]?.description);
  });
});
