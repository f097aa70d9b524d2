// A card action's invoke is answered within its budget (Teams allows 5 seconds), through the real
// CloudAdapter: with the core held open past the budget, the HTTP answer still arrives, saying the
// answer will follow; once the work ends the answer reaches the person's own chat, from a card in
// that chat or in a channel. Work that ends within the budget is answered in the invoke as before.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STILL_WORKING } from '../../../adapters/teams/card-actions.ts';
import { createTeamsAdapter } from '../../../adapters/teams/index.ts';
import type { Result } from '../../../src/core.ts';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import { notice } from '../../../src/kernel/results.ts';
import { within } from '../../../src/kernel/within.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { fakeCore } from '../../support/fake-core.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { createTeamsClient, TEAMS_DEFAULTS, type TeamsClient } from '../../support/teams-client.ts';

const BUDGET_MS = 300;

const pending: { settle: (outcome: Result | Error) => void }[] = [];
const hold = () => new Promise<Result>((resolve, reject) => pending.push({ settle: (o) => (o instanceof Error ? reject(o) : resolve(o)) }));

let fake: FakeBotConnector;
let server: Server;
let teams: TeamsClient;
const { logger, logs } = capturingLogger('info');

beforeAll(async () => {
  fake = await startFakeBotConnector();
  const core = fakeCore({ clickButton: hold, recordConversation: async () => ({ id: 'c1', created: false }) });
  const adapter = createTeamsAdapter({ config: { mode: 'unauthenticated' }, core, logger, invokeBudgetMs: BUDGET_MS });
  const app = express();
  for (const mount of adapter.mounts) app.use(mount.path, mount.router);
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  teams = createTeamsClient({ baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`, serviceUrl: fake.serviceUrl });
});
afterAll(async () => {
  pending.splice(0).forEach((p) => p.settle(new Error('released by the test')));
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await fake.close();
});
beforeEach(() => fake.reset());

async function timedClick(place: 'personal' | 'channel') {
  const res = await teams.send(teams.cardAction({ verb: 'agenda.post', data: { meetingId: '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e' }, place }));
  return { res };
}

describe('a card action that outruns the invoke budget', () => {
  it('in the person\u2019s chat: answers the invoke in time, then sends the answer there', async () => {
    const { res } = await timedClick('personal');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: STILL_WORKING });
    // The core has not answered (it is held until the test settles it), so this answer can only
    // be the budget's: no wall-clock bound is needed to prove it, and none would hold under load.
    expect(pending).toHaveLength(1);
    pending.shift()?.settle(notice('The agenda is queued for the board channel.'));
    const sent = await fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('queued for the board channel'));
    expect(sent.conversationId).toBe(TEAMS_DEFAULTS.personalConversationId);
  });

  it('in a channel: answers the invoke in time, then sends a refusal to the person\u2019s own chat, not the channel', async () => {
    fake.setPersonalChat(TEAMS_DEFAULTS.user.id, 'a:1late-answers');
    const { res } = await timedClick('channel');
    expect(res.body).toMatchObject({ statusCode: 200, value: STILL_WORKING });
    pending.shift()?.settle(new AppError(ErrorCode.NOT_A_CLERK, 'Only the clerk or the chair of the board can do that.'));
    const sent = await fake.waitFor((c) => JSON.stringify(c.body).includes('Only the clerk or the chair'));
    expect(sent.conversationId).toBe('a:1late-answers');
    expect(fake.sent(TEAMS_DEFAULTS.channel.id)).toEqual([]);
    expect(logs()).toContain('NOT_A_CLERK');
  });
});

describe('a card action within the budget', () => {
  it('is answered in the invoke itself', async () => {
    const click = timedClick('personal');
    await expect.poll(() => pending.length).toBe(1);
    pending.shift()?.settle(notice('Done already.'));
    const { res } = await click;
    expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done already.' });
    expect(fake.calls('send')).toEqual([]);
  });
});

describe('the once-only claim', () => {
  // The claim is a database write made before the card action runs; under load it can queue. The
  // budget counts from the activity's arrival, so a slow claim leaves less for the work instead of
  // pushing the answer past what Teams waits for.
  it('counts against the invoke budget: a claim that takes most of it leaves only the rest for the work', async () => {
    const CLAIM_MS = 250;
    const work = () => new Promise<Result>((resolve) => setTimeout(() => resolve(notice('Done after a while.')), 200));
    const core = fakeCore({
      clickButton: work,
      claimRequest: () => new Promise((resolve) => setTimeout(() => resolve({ first: true }), CLAIM_MS)),
      recordConversation: async () => ({ id: 'c1', created: false }),
    });
    const adapter = createTeamsAdapter({ config: { mode: 'unauthenticated' }, core, logger, invokeBudgetMs: BUDGET_MS });
    const app = express();
    for (const mount of adapter.mounts) app.use(mount.path, mount.router);
    const slow = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const client = createTeamsClient({ baseUrl: `http://127.0.0.1:${(slow.address() as { port: number }).port}`, serviceUrl: fake.serviceUrl });
      const res = await client.send(client.cardAction({ verb: 'agenda.post', data: { meetingId: '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e' }, place: 'personal' }));
      // 250 ms of claim and 200 ms of work: within the work's own 300 ms, but not within what was
      // left of the budget after the claim, so the invoke says the answer follows...
      expect(res.body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: STILL_WORKING });
      // ...and it does, in the person's chat.
      const sent = await fake.waitFor((c) => JSON.stringify(c.body).includes('Done after a while.'));
      expect(sent.conversationId).toBe(TEAMS_DEFAULTS.personalConversationId);
    } finally {
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });
});

describe('stopping while an answer is still to follow its invoke', () => {
  /** An adapter on its own server whose core holds every click and form until the test settles it. */
  async function heldAdapter() {
    const held: { settle: (outcome: Result | Error) => void }[] = [];
    const holdHere = () => new Promise<Result>((resolve, reject) => held.push({ settle: (o) => (o instanceof Error ? reject(o) : resolve(o)) }));
    const core = fakeCore({ clickButton: holdHere, submitForm: holdHere, recordConversation: async () => ({ id: 'c1', created: false }) });
    const adapter = createTeamsAdapter({ config: { mode: 'unauthenticated' }, core, logger, invokeBudgetMs: BUDGET_MS });
    const app = express();
    for (const mount of adapter.mounts) app.use(mount.path, mount.router);
    const own = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const client = createTeamsClient({ baseUrl: `http://127.0.0.1:${(own.address() as { port: number }).port}`, serviceUrl: fake.serviceUrl });
    const close = () => new Promise<void>((resolve) => own.close(() => resolve()));
    return { adapter, client, held, close };
  }

  it('a card action: the stop waits for its work and its answer, so nothing the person clicked is cut off', async () => {
    const { adapter, client, held, close } = await heldAdapter();
    try {
      const res = await client.send(client.cardAction({ verb: 'agenda.post', data: { meetingId: '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e' }, place: 'personal' }));
      expect(res.body).toMatchObject({ value: STILL_WORKING });
      expect(held).toHaveLength(1);
      const stopping = adapter.stop();
      // The work is held: the stop cannot have finished, however long it is given.
      expect(await within(stopping.then(() => 'stopped'), 100)).toBeUndefined();
      held.shift()!.settle(notice('Posted after the stop began.'));
      await stopping;
      // Sent before the stop returned (the database closes after it), not merely on its way.
      expect(fake.calls().some((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('Posted after the stop began.'))).toBe(true);
    } finally {
      await close();
    }
  });

  it('a message action\u2019s dialog: the same', async () => {
    const { adapter, client, held, close } = await heldAdapter();
    try {
      const data = { form: 'action.create', description: 'Send the draft minutes to partners', metadata: {} };
      const res = await client.send(client.invoke({ name: 'composeExtension/submitAction', place: 'channel', threadId: '1700000000001', value: { commandId: 'actionFromMessage', commandContext: 'message', data } }));
      expect(res.status).toBe(200);
      expect(held).toHaveLength(1);
      const stopping = adapter.stop();
      expect(await within(stopping.then(() => 'stopped'), 100)).toBeUndefined();
      held.shift()!.settle(notice('Action recorded after the stop began.'));
      await stopping;
      expect(fake.calls().some((c) => JSON.stringify(c.body).includes('Action recorded after the stop began.'))).toBe(true);
    } finally {
      await close();
    }
  });

  it('work that never ends holds the stop only for its limit, and is logged', async () => {
    const { adapter, client, held, close } = await heldAdapter();
    try {
      const res = await client.send(client.cardAction({ verb: 'agenda.post', data: { meetingId: '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e' }, place: 'personal' }));
      expect(res.body).toMatchObject({ value: STILL_WORKING });
      await adapter.stop(200);
      expect(logs()).toContain('stopping with card or message actions still at work after their invoke');
    } finally {
      held.splice(0).forEach((h) => h.settle(new Error('released by the test')));
      await close();
    }
  });
});
