// Chasing non-submitters on Slack, end to end through the real service with the injected clock:
// a round's chases that fall on a weekend and on an England and Wales bank holiday are sent on the
// next working day instead; each chase is one direct message to each submitter of an organisation
// that has not submitted (never a second one for the same chase); after the deadline the clerk is
// told, once; and there are never more than three.
//
// The round: opened Wednesday 25 November 2026 at noon, due by the end of Tuesday 29 December.
// Part way falls on Saturday 12 December (sent Monday 14th); the day before the deadline is Monday
// 28 December, the substitute bank holiday for Boxing Day (sent Tuesday 29th, the deadline day);
// the clerk is told on Wednesday 30 December, just after the deadline.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { createReturnsBoard, SEED_CATALOGUE_CSV, type ReturnsBoard } from '../../support/returns-fixtures.ts';
import { slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';
import { waitForEmptyOutbox } from '../../support/outbox.ts';

let service: SlackService;
let b: ReturnsBoard;
let now = DateTime.fromISO('2026-11-25T12:00', { zone: 'Europe/London' }).toJSDate();
const at = (iso: string) => {
  now = DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();
};
/** A second police submitter: each person gets their own one message per chase. */
const SECOND_POLICE = 'U0ANALYST2';

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => now } });
  b = await createReturnsBoard(service.db.prisma);
  await service.db.prisma.member.create({ data: { boardId: b.boardId, organisationId: b.police, name: 'Priya Analyst', title: 'Performance Analyst', submitsFigures: true, slackUserId: SECOND_POLICE } });
});
afterAll(async () => {
  await service?.stop();
});

type View = { callback_id: string; private_metadata: string };
const clerk = () => ({ user_id: b.clerk.slackUserId, user_name: 'alex.dewsnap' });

async function submitModal(text: string, values: Record<string, unknown>): Promise<void> {
  await service.resetFake();
  await service.slack.command(slashCommand({ text, channel_id: 'CSCPB', response_url: service.fake.responseUrl(), ...clerk() }));
  const view = (await service.fake.waitFor('views.open')).body.view as View;
  const answer = await service.slack.interaction(viewSubmission({ callback_id: view.callback_id, private_metadata: view.private_metadata, user: { id: b.clerk.slackUserId }, values: values as never }));
  expect(answer.body).toEqual({ response_action: 'clear' });
}

/** The direct messages posted to a person (their DM with the bot is D + their id). */
const dmsTo = (userId: string) => service.fake.calls('chat.postMessage').filter((c) => c.body.channel === `D${userId.replace(/^[UW]/, '')}`);
const returnsDmsTo = (userId: string) => dmsTo(userId).filter((c) => JSON.stringify(c.body.blocks).includes('figures for Metropolitan Police Service') || JSON.stringify(c.body.blocks).includes('figures overdue'));
const reminderText = (userId: string) => returnsDmsTo(userId).map((c) => JSON.stringify(c.body.blocks));

/** Runs the scheduler at the clock's time and waits for the outbox to be empty. */
async function tick(): Promise<string[]> {
  const summary = await service.quorum.scheduler.tick();
  await waitForOutbox();
  return summary.ran.filter((k) => k.startsWith('returns-chase:'));
}
const waitForOutbox = () => waitForEmptyOutbox(service.db.prisma);

describe('chasing returns on Slack, with holiday pauses', () => {
  it('opens the round: each police submitter gets one request', async () => {
    await submitModal('returns catalogue', { file: { type: 'plain_text_input', value: SEED_CATALOGUE_CSV } });
    await service.fake.waitFor('chat.postEphemeral', (c) => String(c.body.text).includes('Catalogue of'));
    await submitModal('returns open', { period: { type: 'plain_text_input', value: 'Q3 2026/27' }, deadline: { type: 'datepicker', selected_date: '2026-12-29' } });
    // The form is answered before the database work (ack-first): the clerk's answer follows.
    await service.fake.waitFor('chat.postEphemeral', (c) => String(c.body.text).includes('round open'));
    await waitForOutbox();
    for (const person of [b.policeSubmitter.slackUserId, SECOND_POLICE]) {
      expect(reminderText(person)).toHaveLength(1);
      expect(reminderText(person)[0]).toContain('Q3 2026/27 figures for Metropolitan Police Service');
      expect(reminderText(person)[0]).toContain('Tuesday 29 December 2026');
    }
  });

  it('part way falls on a Saturday: nothing that weekend, one reminder each on Monday', async () => {
    await service.resetFake();
    at('2026-12-12T10:00');
    expect(await tick()).toEqual([]);
    at('2026-12-13T18:00');
    expect(await tick()).toEqual([]);
    expect(service.fake.calls('chat.postMessage')).toEqual([]);

    at('2026-12-14T09:00');
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    expect(await tick()).toEqual([`returns-chase:${round.id}:1`]);
    for (const person of [b.policeSubmitter.slackUserId, SECOND_POLICE]) {
      const [reminder, ...more] = returnsDmsTo(person);
      expect(more).toEqual([]);
      const parsed = slackMessageSchema.safeParse({ text: reminder?.body.text, blocks: reminder?.body.blocks });
      expect(parsed.success).toBe(true);
      expect(JSON.stringify(reminder?.body.blocks)).toContain('Reminder: Q3 2026/27 figures for Metropolitan Police Service');
    }
    // The clerk is not chased for the police, and a second tick the same day sends nothing.
    expect(returnsDmsTo(b.clerk.slackUserId)).toEqual([]);
    await service.resetFake();
    at('2026-12-14T15:00');
    expect(await tick()).toEqual([]);
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('the day before the deadline is the Boxing Day bank holiday: the reminder goes on the deadline day, saying so', async () => {
    await service.resetFake();
    at('2026-12-28T09:30');
    expect(await tick()).toEqual([]);
    expect(service.fake.calls('chat.postMessage')).toEqual([]);

    at('2026-12-29T09:00');
    expect(await tick()).toHaveLength(1);
    for (const person of [b.policeSubmitter.slackUserId, SECOND_POLICE]) {
      const texts = reminderText(person);
      expect(texts).toHaveLength(1);
      expect(texts[0]).toContain('are due today');
    }
  });

  it('after the deadline the clerk is told who has not submitted, once; the submitters get nothing more: three chases in all', async () => {
    await service.resetFake();
    at('2026-12-30T00:05');
    expect(await tick()).toHaveLength(1);
    const told = returnsDmsTo(b.clerk.slackUserId);
    expect(told).toHaveLength(1);
    const card = JSON.stringify(told[0]?.body.blocks);
    expect(card).toContain('Q3 2026/27 figures overdue');
    expect(card).toContain('Metropolitan Police Service');
    expect(card).toContain('Priya Analyst');
    expect(returnsDmsTo(b.policeSubmitter.slackUserId)).toEqual([]);

    await service.resetFake();
    for (const day of ['2026-12-31T09:00', '2027-01-04T09:00', '2027-01-11T09:00']) {
      at(day);
      expect(await tick()).toEqual([]);
    }
    expect(service.fake.calls('chat.postMessage').filter((c) => JSON.stringify(c.body.blocks).includes('Q3 2026/27'))).toEqual([]);
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const runs = await service.db.prisma.scheduledRun.findMany({ where: { key: { startsWith: `returns-chase:${round.id}` } } });
    expect(runs.map((r) => [r.key.split(':').at(-1), r.outcome]).sort()).toEqual([['1', 'done'], ['2', 'done'], ['3', 'done']]);
  });
});
