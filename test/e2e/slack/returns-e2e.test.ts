// Quarterly returns on Slack, end to end through the real service: the clerk loads the catalogue
// and opens a round in modals; the police submitter gets their request by direct message (through
// the outbox), opens the return from its button, submits one invalid figure (the error comes back
// on the field, nothing stored), fixes it, then amends it; someone else cannot open it; "returns"
// shows who has submitted; the clerk publishes the dashboard and attaches it to the next meeting's
// Performance item, and the agenda card in the channel gains its links.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { fieldId } from '../../../src/features/returns/return-form.ts';
import { createReturnsBoard, SEED_CATALOGUE_CSV, type ReturnsBoard } from '../../support/returns-fixtures.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let b: ReturnsBoard;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', env: { PUBLIC_BASE_URL: 'https://quorum.example.org' } });
  b = await createReturnsBoard(service.db.prisma);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

type View = { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string; element?: { initial_value?: string } }[] };

function expectValid(schema: typeof slackMessageSchema | typeof slackModalSchema, payload: unknown) {
  const parsed = schema.safeParse(payload);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

const clerk = () => ({ user_id: b.clerk.slackUserId, user_name: 'alex.dewsnap' });
/** A command's answer, posted to its response_url after the empty ack (ack-first.ts). */
const ask = (text: string, who = clerk()) => service.ask(slashCommand({ text, channel_id: 'CSCPB', ...who }));
const command = (text: string, who = clerk()) => service.slack.command(slashCommand({ text, channel_id: 'CSCPB', response_url: service.fake.responseUrl(), ...who }));

async function openedModal(text: string): Promise<View> {
  await command(text);
  const call = await service.fake.waitFor('views.open');
  const view = call.body.view as View;
  expectValid(slackModalSchema, view);
  return view;
}

/** What Slack sends for a modal: every input block, typed or left empty. */
function submit(view: View, userId: string, typed: Record<string, string | { selected: string }>) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || !block.block_id) continue;
    const v = typed[block.block_id];
    values[block.block_id] = { value: typeof v === 'object' ? { type: 'static_select', selected_option: { value: v.selected } } : { type: 'plain_text_input', value: v ?? null } };
  }
  return service.slack.interaction(viewSubmission({ callback_id: view.callback_id, private_metadata: view.private_metadata, user: { id: userId }, values: values as never }));
}

const metricId = async (name: string) => (await service.db.prisma.metric.findFirstOrThrow({ where: { boardId: b.boardId, name } })).id;

describe('quarterly returns on Slack', () => {
  it('the clerk loads the catalogue and opens a round; the police submitter is sent their return by direct message', async () => {
    const catalogue = await openedModal('returns catalogue');
    expect(catalogue.callback_id).toBe('returns.catalogue');
    const loaded = await submit(catalogue, b.clerk.slackUserId, { file: SEED_CATALOGUE_CSV });
    expect(loaded.body).toEqual({ response_action: 'clear' });
    const answer = await service.fake.waitFor('chat.postEphemeral');
    expect(JSON.stringify(answer.body.blocks)).toContain('3 metrics added (Burglary, Robbery, Proven re-offending rate)');

    await service.resetFake();
    const round = await openedModal('returns open');
    expect(round.callback_id).toBe('returns.round');
    const bad = await service.slack.interaction(
      viewSubmission({ callback_id: 'returns.round', private_metadata: round.private_metadata, user: { id: b.clerk.slackUserId }, values: { period: 'Q5 2026/27', deadline: { type: 'datepicker', selected_date: '2030-01-29' } } }),
    );
    expect(bad.body).toEqual({ response_action: 'errors', errors: { period: 'There is no Q5: a financial year has quarters Q1 to Q4.' } });
    const opened = await service.slack.interaction(
      viewSubmission({ callback_id: 'returns.round', private_metadata: round.private_metadata, user: { id: b.clerk.slackUserId }, values: { period: 'Q3 2026/27', deadline: { type: 'datepicker', selected_date: '2030-01-29' } } }),
    );
    expect(opened.body).toEqual({ response_action: 'clear' });
    // The dispatcher opens the person's DM (conversations.open) and posts there.
    const opening = await service.fake.waitFor('conversations.open', (c) => c.body.users === b.policeSubmitter.slackUserId);
    expect(opening.body.users).toBe(b.policeSubmitter.slackUserId);
    const request = await service.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.body.blocks).includes('Metropolitan Police Service'));
    expectValid(slackMessageSchema, { text: request.body.text, blocks: request.body.blocks });
    const card = JSON.stringify(request.body.blocks);
    expect(card).toContain('Q3 2026/27 figures for Metropolitan Police Service');
    expect(card).toContain('Tuesday 29 January 2030');
    expect(card).toContain('last quarter 817 in Q2 2026/27');
    expect(card).toContain('"action_id":"returns.fill"');
    expect(card).not.toContain('re-offending');
  });

  it('the submitter opens the return from the request, gets the invalid figure back on its field, fixes it, then amends it', async () => {
    const roundRow = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const burglary = await metricId('Burglary');
    const robbery = await metricId('Robbery');
    const click = () =>
      service.slack.interaction(
        blockActions({
          user: { id: b.policeSubmitter.slackUserId, username: 'richard.norfolk', name: 'richard.norfolk', team_id: 'T0SEED' },
          channel: { id: 'D0POLICE', name: 'directmessage' },
          actions: [button({ action_id: 'returns.fill', value: JSON.stringify({ roundId: roundRow.id, organisationId: b.police }) })],
        }),
      );
    await click();
    const view = (await service.fake.waitFor('views.open')).body.view as View;
    expectValid(slackModalSchema, view);
    expect(view.callback_id).toBe('returns.submit');
    const inputs = view.blocks.filter((x) => x.type === 'input').map((x) => x.block_id);
    expect(inputs).toEqual([
      // The rolling 12 months before (Q4 2024/25 to Q3 2025/26) are not in the history: asked for.
      fieldId.value(burglary), fieldId.rollingEarlier(burglary), fieldId.rank(burglary, 0), fieldId.rank(burglary, 1), fieldId.positive(burglary), fieldId.negative(burglary),
      fieldId.value(robbery), fieldId.rank(robbery, 0), fieldId.rank(robbery, 1), fieldId.positive(robbery), fieldId.negative(robbery),
    ]);

    const bad = await submit(view, b.policeSubmitter.slackUserId, { [fieldId.value(burglary)]: '-952', [fieldId.value(robbery)]: '188', [fieldId.rank(burglary, 1)]: '22/33' });
    expect(bad.body).toEqual({ response_action: 'errors', errors: { [fieldId.value(burglary)]: 'A count cannot be negative.' } });
    expect(await service.db.prisma.returnSubmission.count()).toBe(0);

    const good = await submit(view, b.policeSubmitter.slackUserId, { [fieldId.value(burglary)]: '952', [fieldId.value(robbery)]: '188', [fieldId.rank(burglary, 1)]: '22/33', [fieldId.positive(burglary)]: 'Decrease in rolling 12 months' });
    expect(good.body).toEqual({ response_action: 'clear' });
    // Answered privately where the form was opened from (the submitter's DM with the bot).
    const thanks = await service.fake.waitFor('chat.postEphemeral', (c) => JSON.stringify(c.body.blocks).includes('return submitted'));
    expect(thanks.body).toMatchObject({ channel: 'D0POLICE', user: b.policeSubmitter.slackUserId });
    expect(JSON.stringify(thanks.body.blocks)).toContain('Metropolitan Police Service\u2019s Q3 2026/27 return submitted: 2 figures');

    await service.resetFake();
    await click();
    const again = (await service.fake.waitFor('views.open')).body.view as View;
    expect(again.blocks.find((x) => x.block_id === fieldId.value(burglary))?.element?.initial_value).toBe('952');
    expect(again.blocks.find((x) => x.block_id === fieldId.rank(burglary, 1))?.element?.initial_value).toBe('22');
    const amended = await submit(again, b.policeSubmitter.slackUserId, { [fieldId.value(burglary)]: '961', [fieldId.value(robbery)]: '188' });
    expect(amended.body).toEqual({ response_action: 'clear' });
    const versions = await service.db.prisma.returnSubmission.findMany({ orderBy: { version: 'asc' }, include: { figures: { where: { metricId: burglary } } } });
    expect(versions.map((v) => [v.version, v.figures[0]?.value, v.submittedById])).toEqual([
      [1, 952, b.policeSubmitter.id],
      [2, 961, b.policeSubmitter.id],
    ]);
  });

  it('another organisation\u2019s submitter cannot open the police return; the clerk sees who has submitted', async () => {
    const roundRow = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    await service.slack.interaction(
      blockActions({
        user: { id: b.chair.slackUserId, username: 'chair', name: 'chair', team_id: 'T0SEED' },
        actions: [button({ action_id: 'returns.fill', value: JSON.stringify({ roundId: roundRow.id, organisationId: b.police }) })],
        response_url: service.fake.responseUrl(),
      }),
    );
    // The chair is a clerk-level role: they may. A member of another organisation may not.
    await service.fake.waitFor('views.open');
    await service.resetFake();
    await service.db.prisma.member.update({ where: { id: b.chair.id }, data: { organisationId: b.council } });
    await service.db.prisma.boardRole.deleteMany({ where: { memberId: b.chair.id } });
    await service.slack.interaction(
      blockActions({
        user: { id: b.chair.slackUserId, username: 'chair', name: 'chair', team_id: 'T0SEED' },
        actions: [button({ action_id: 'returns.fill', value: JSON.stringify({ roundId: roundRow.id, organisationId: b.police }) })],
        response_url: service.fake.responseUrl(),
      }),
    );
    const refused = await service.fake.waitForResponse();
    expect(JSON.stringify(refused.body)).toContain('Only Metropolitan Police Service\u2019s submitters and the clerk can see or submit its figures');
    expect(service.fake.calls('views.open')).toEqual([]);

    const status = await ask('returns');
    const text = JSON.stringify(status.body);
    expect(text).toContain('Q3 2026/27 returns: 1 of 3 submitted');
    expect(text).toContain('Version 2 by Richard Norfolk');
    expect(text).toContain('National Probation Service*: not yet submitted');
  });

  it('the compiled dashboard goes to the clerk first, then to the board channel as a native table; its chart and CSV are served behind the round\u2019s link', async () => {
    const res = await ask('returns dashboard');
    const preview = res.body as { blocks: { type: string; rows?: { text: string }[][]; elements?: { action_id?: string; url?: string }[] }[]; text: string };
    expectValid(slackMessageSchema, preview);
    const table = preview.blocks.find((x) => x.type === 'table');
    const burglaryRow = table?.rows?.find((r) => r.some((c) => c.text.startsWith('Burglary')))?.map((c) => c.text);
    // The amendment left the ranks empty: the rating rests on the quarter's rise alone.
    expect(burglaryRow).toEqual(['\u{1F534} Red', 'Burglary (MPS)', '961', '+19.1%', '3,448', '\u2013', '\u2013']);
    expect(JSON.stringify(preview)).toContain('Only you can see these figures until you publish them');
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
    const links = preview.blocks.flatMap((x) => x.elements ?? []);
    const chartsUrl = links.find((e) => e.url?.endsWith('/charts'))?.url as string;
    const csvUrl = links.find((e) => e.url?.endsWith('.csv'))?.url as string;
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    expect(csvUrl).toBe(`https://quorum.example.org/returns/${round.dashboardToken}/dashboard.csv`);

    const local = (url: string) => url.replace('https://quorum.example.org', service.quorum.url);
    const csv = await fetch(local(csvUrl));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('metric,Burglary,MPS,count,961,807,+19.1%');
    const page = await (await fetch(local(chartsUrl))).text();
    const chart = /src="(charts\/[0-9a-f-]+\.png)"/.exec(page)?.[1] as string;
    const png = await fetch(`${local(chartsUrl)}/${chart.replace('charts/', '')}`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${service.quorum.url}/returns/not-a-real-token-at-all-xyz/dashboard.csv`)).status).toBe(404);

    await service.slack.interaction(
      blockActions({
        user: { id: b.clerk.slackUserId, username: 'alex.dewsnap', name: 'alex.dewsnap', team_id: 'T0SEED' },
        actions: [button({ action_id: 'returns.publish', value: JSON.stringify({ roundId: round.id }) })],
        response_url: service.fake.responseUrl(),
      }),
    );
    const posted = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB', 8_000);
    expectValid(slackMessageSchema, { text: posted.body.text, blocks: posted.body.blocks });
    const channelCard = JSON.stringify(posted.body.blocks);
    expect(channelCard).toContain('"type":"table"');
    expect(channelCard).not.toContain('returns.publish');
    expect(channelCard).not.toContain('Only you can see');
    expect((await service.db.prisma.returnRound.findUniqueOrThrow({ where: { id: round.id } })).publishedAt).not.toBeNull();
  });

  it('the clerk attaches the published dashboard to the next meeting\u2019s Performance item: the agenda card in the channel is updated with its links', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    await service.db.prisma.meeting.create({
      data: {
        boardId: b.boardId,
        title: 'Safer Communities Partnership Board',
        startsAt: new Date(Date.now() + 14 * 24 * 3_600_000),
        calendarToken: 'returns-e2e-meeting-token',
        items: { create: [{ position: 1, number: '1', title: 'Welcome and introductions', standing: 'welcome' }, { position: 2, number: '2', title: 'Performance', reportOf: 'Community Safety Manager' }, { position: 3, number: '3', title: 'Any other business', standing: 'aob' }] },
      },
    });
    await service.resetFake();
    await ask('agenda post');
    const agenda = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB' && JSON.stringify(c.body.blocks).includes('Performance'), 8_000);
    expect(JSON.stringify(agenda.body.blocks)).not.toContain('/charts');

    const responseUrl = service.fake.responseUrl();
    await service.slack.interaction(
      blockActions({
        user: { id: b.clerk.slackUserId, username: 'alex.dewsnap', name: 'alex.dewsnap', team_id: 'T0SEED' },
        actions: [button({ action_id: 'returns.attach', value: JSON.stringify({ roundId: round.id }) })],
        response_url: responseUrl,
      }),
    );
    const answer = await service.fake.waitForResponse((r) => responseUrl.endsWith(`/${encodeURIComponent(r.id)}`));
    expect(JSON.stringify(answer.body)).toContain('The Q3 2026/27 dashboard is attached to item 2 (\u201cPerformance\u201d)');
    const updated = await service.fake.waitFor('chat.update', (c) => c.body.channel === agenda.body.channel && JSON.stringify(c.body.blocks).includes(`/returns/${round.dashboardToken}/charts`), 8_000);
    expectValid(slackMessageSchema, { text: updated.body.text, blocks: updated.body.blocks });
    expect(JSON.stringify(updated.body.blocks)).toContain('Performance dashboard Q3 2026/27: trend charts');
    expect(JSON.stringify(updated.body.blocks)).toContain(`https://quorum.example.org/returns/${round.dashboardToken}/dashboard.csv`);
  });
});
