// The playground in a real browser: Debian's Chromium (never one downloaded by a test tool),
// driven by playwright-core, on the demo board. Four people, each picked in the page:
//   - the clerk types "agenda post" in the board channel and gets the answer in her own chat;
//   - a member sees the agenda card in the channel (rendered by the adaptivecards package, exempt
//     business withheld) and its Slack Block Kit, sends apologies from the card with her standing
//     deputy as substitute, in her own chat, and the channel card's counts change in place (the
//     clerk's tab sees it too);
//   - an action owner finds the action's card in his chat and marks it done: the card changes in
//     place;
//   - a submitter finds the figure request in her chat, opens the return, types one invalid figure
//     (the error comes back beside that field, what she typed kept, nothing stored), fixes it and
//     the return is accepted;
// and the clock control moves a week on so that the agenda reminder arrives. Each step's
// screenshot is kept in test-artifacts/playground/. Everything waits on what the page shows,
// never on time passing.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAadId } from '../../../adapters/playground/demo.ts';
import { formatQuarter, previousQuarter, quarterOfDate } from '../../../src/domain/returns/quarter.ts';
import { localDate } from '../../../src/domain/time.ts';
import { startPlaygroundService, type PlaygroundService } from './service.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/playground/', import.meta.url));
/** How long the page may take to show something on a loaded machine: a bound, not a pause. */
const SHOWN = 30_000;
const STEP = 180_000;

if (!hasChromium) {
  console.warn(`SKIPPED test/e2e/playground/browser.test.ts: ${CHROMIUM} is not installed. Install Debian's chromium (apt-get install -y chromium) to run the playground in a browser; .ci/run does.`);
}

const PEOPLE = {
  clerk: { aad: demoAadId('clerk'), name: 'Priya Shah' },
  member: { aad: demoAadId('police'), name: 'Ch Supt Sarah Whitfield' },
  owner: { aad: demoAadId('fire'), name: 'Raj Patel' },
  submitter: { aad: demoAadId('probation'), name: 'Helen Murray' },
};
const QUARTER = formatQuarter(previousQuarter(quarterOfDate(localDate(new Date(), 'Europe/London'))));

let service: PlaygroundService;
let quorum: PlaygroundService['quorum'];
let context: BrowserContext;
let profile: string;
/** The clerk's tab, and the tab in which the others are picked one after the other. */
let clerk: Page;
let other: Page;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function openAs(aadObjectId: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(SHOWN);
  await page.goto(`${quorum.url.replace('127.0.0.1', 'localhost')}/?as=${encodeURIComponent(aadObjectId)}`);
  await page.locator('body[data-ready=yes]').waitFor();
  return page;
}

/** Picks who you are in the page's "You are" list. */
async function pick(page: Page, person: { aad: string; name: string }): Promise<void> {
  await page.locator('[data-testid=person]').selectOption(person.aad);
  await expect.poll(() => page.locator('#person option:checked').textContent(), { timeout: SHOWN }).toMatch(new RegExp(`^${person.name},`));
}

async function openChat(page: Page, person: { name: string }): Promise<void> {
  await page.locator('[data-testid=open-personal]').click();
  await page.locator('[data-testid=conversation-title]', { hasText: `${person.name} and Quorum` }).waitFor();
}

async function openChannel(page: Page): Promise<void> {
  await page.locator('[data-testid=open-channel]').click();
  await page.locator('[data-testid=conversation-title]', { hasText: '# Board channel' }).waitFor();
}

/** The message (a chat bubble) whose card shows `text`. */
const messageWith = (page: Page, text: string | RegExp): Locator => page.locator('[data-testid=messages] [data-testid=message]').filter({ has: page.locator('.card', { hasText: text }) });

/** A message's id in the page, to find the same message again after it changed in place. */
async function idOf(message: Locator): Promise<string> {
  const id = await message.getAttribute('data-message-id');
  if (!id) throw new Error('a message without its id');
  return id;
}

/** Scrolls a message into view; a message changed in place meanwhile (re-rendered) is found again. */
async function scrollTo(message: Locator): Promise<void> {
  await expect.poll(() => message.scrollIntoViewIfNeeded({ timeout: 5_000 }).then(() => true, () => false), { timeout: SHOWN }).toBe(true);
}

const byId = (page: Page, id: string): Locator => page.locator(`[data-testid=messages] [data-message-id="${id}"]`);

describe.skipIf(!hasChromium)('the playground in Chromium, on the demo board', () => {
  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // The cron tick runs, as with npm start.
    service = await startPlaygroundService({}, {});
    quorum = service.quorum;
    profile = await mkdtemp(path.join(tmpdir(), 'quorum-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
  }, STEP);

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await service?.stop();
  });

  it('the clerk posts the agenda in the channel, and gets the answer in her own chat', async () => {
    clerk = await openAs(PEOPLE.clerk.aad);
    await expect(clerk.locator('#person option:checked').textContent()).resolves.toBe('Priya Shah, Council');
    expect(await clerk.locator('[data-testid=demo-banner]').isVisible()).toBe(true);
    await shot(clerk, '01-clerk-opens-the-channel');

    await clerk.locator('[data-testid=compose]').fill('agenda post');
    await clerk.locator('[data-testid=send]').click();
    const messages = clerk.locator('[data-testid=messages]');
    await messages.getByText('@Quorum agenda post').waitFor();
    await messages.getByText('I\u2019ve sent that to you in our chat, Priya Shah.').waitFor();
    // The agenda card arrives in the channel through the outbox, rendered by adaptivecards.
    await messageWith(clerk, 'Community Safety Performance Dashboard').waitFor();
    await shot(clerk, '02-clerk-posted-the-agenda');

    await openChat(clerk, PEOPLE.clerk);
    await clerk.locator('[data-testid=messages]').getByText(/Agenda for .*: posted to the Teams channel/).waitFor();
    await shot(clerk, '03-clerk-gets-the-answer-in-her-chat');
    await openChannel(clerk);
  }, STEP);

  it('a member sees the agenda in the channel, and its Slack version', async () => {
    // Another tab, where the member is picked in the page.
    other = await openAs(PEOPLE.owner.aad);
    await pick(other, PEOPLE.member);
    expect(await other.locator('#person-roles').textContent()).toContain('Borough Commander');
    const agenda = messageWith(other, 'Community Safety Performance Dashboard');
    await agenda.waitFor();
    const text = await agenda.locator('.card').innerText();
    expect(text).toContain('Riverside Civic Centre, Committee Room 2');
    expect(text).toContain('Exempt item');
    expect(text).not.toContain('Domestic Homicide Review');
    await scrollTo(agenda);
    await shot(other, '04-member-sees-the-agenda');

    await other.locator('[data-testid=show-slack]').check();
    const slack = messageWith(other, 'Community Safety Performance Dashboard').locator('details.slack pre');
    await expect.poll(() => slack.innerText(), { timeout: SHOWN }).toMatch(/Slack message:[\s\S]*"blocks"[\s\S]*Community Safety Performance Dashboard/);
    expect(await slack.innerText()).not.toContain('Domestic Homicide Review');
    await scrollTo(slack);
    await shot(other, '05-member-sees-the-slack-version');
    await other.locator('[data-testid=show-slack]').uncheck();
  }, STEP);

  it('the member sends apologies from the channel card with her deputy substituting; the card\u2019s counts change in place for everyone', async () => {
    const agenda = messageWith(other, 'Community Safety Performance Dashboard');
    const agendaId = await idOf(agenda);
    expect(await agenda.locator('.card').innerText()).toContain('Replies: 0 apologies');
    await agenda.getByRole('button', { name: 'Send apologies' }).click();
    // Teams has no private replies in a channel: a pointer for her alone, the form in her chat.
    await agenda.locator('.note').getByText('I\u2019ve sent that to you in our chat, Ch Supt Sarah Whitfield.').waitFor();
    await shot(other, '06-member-asks-to-send-apologies');

    await openChat(other, PEOPLE.member);
    const form = messageWith(other, 'Send apologies');
    await form.waitFor();
    // Her standing deputy is already chosen.
    await expect.poll(() => form.getByLabel('Substitute', { exact: true }).locator('option:checked').textContent(), { timeout: SHOWN }).toBe('Supt Mark Ellis (standing deputy)');
    await form.getByLabel('Reason (optional)').fill('At the regional policing board');
    await shot(other, '07-member-fills-in-her-apologies');
    const formId = await idOf(form);
    await form.getByRole('button', { name: 'Send apologies' }).click();
    // The form is replaced, in her chat, by the answer.
    await byId(other, formId).locator('.card', { hasText: /Your apologies for the meeting of .* are recorded, with Supt Mark Ellis substituting\./ }).waitFor();
    await shot(other, '08-member-apologies-recorded');

    // Back in the channel: the same card, its counts updated (the reason is not shown there).
    await openChannel(other);
    const updated = byId(other, agendaId);
    await updated.locator('.card', { hasText: 'Replies: 1 apology' }).waitFor();
    await expect(updated.locator('.meta').innerText()).resolves.toContain('(updated)');
    expect(await updated.locator('.card').innerText()).not.toContain('regional policing board');
    await scrollTo(updated);
    await shot(other, '09-member-sees-the-channel-card-updated');
    // The clerk, in her own tab, sees the same card change, with nothing reloaded.
    await byId(clerk, agendaId).locator('.card', { hasText: 'Replies: 1 apology' }).waitFor();
    await scrollTo(byId(clerk, agendaId));
    await shot(clerk, '10-clerk-sees-the-channel-card-updated');
  }, STEP);

  it('an action owner marks his action done in his own chat, and the card changes in place', async () => {
    await pick(other, PEOPLE.owner);
    await openChat(other, PEOPLE.owner);
    // Sent to him when it was recorded at the last meeting.
    const card = messageWith(other, 'Arrange home fire safety visits');
    await card.waitFor();
    expect(await card.locator('.card').innerText()).toMatch(/An action for you from[\s\S]*Open/);
    await scrollTo(card);
    await shot(other, '11-owner-finds-his-action');
    const cardId = await idOf(card);
    await card.getByRole('button', { name: 'Done' }).click();
    // The same message, changed in place: first by the click's answer ("Marked done. Thank you."),
    // then by the card brought up to date through the outbox; both say it is done and by whom.
    const done = byId(other, cardId);
    await done.locator('.card', { hasText: /Status\s*Done[\s\S]*Raj Patel · Marked done/ }).waitFor();
    const action = await service.db.prisma.action.findFirstOrThrow({ where: { description: { startsWith: 'Arrange home fire safety visits' } } });
    expect(action.status).toBe('done');
    await expect.poll(async () => (await service.db.prisma.outboxMessage.findMany({ where: { operation: 'update', status: { not: 'sent' }, updates: { dedupeKey: { startsWith: `action-card:${action.id}:` } } } })).length, { timeout: SHOWN }).toBe(0);
    await done.locator('.card', { hasText: /Status\s*Done[\s\S]*Raj Patel · Marked done/ }).waitFor();
    await expect(done.getByRole('button', { name: 'Done' }).count()).resolves.toBe(0);
    expect(await other.locator('[data-testid=messages] [data-testid=message]').filter({ hasText: 'Arrange home fire safety visits' }).count()).toBe(1);
    await scrollTo(done);
    await shot(other, '12-owner-marked-it-done');
  }, STEP);

  it('a submitter enters her figures: one invalid value comes back beside its field, fixed, and the return is accepted', async () => {
    await pick(other, PEOPLE.submitter);
    await openChat(other, PEOPLE.submitter);
    const request = messageWith(other, `${QUARTER} figures for Riverside Probation Delivery Unit (demo)`);
    await request.waitFor();
    await scrollTo(request);
    await shot(other, '13-submitter-finds-the-request');
    const requestId = await idOf(request);
    await request.getByRole('button', { name: 'Fill in the return' }).click();

    // The request is replaced by the return's form.
    const form = byId(other, requestId);
    const reoffending = form.getByLabel(`Proven re-offending rate: ${QUARTER}`);
    const accommodation = form.getByLabel(`Settled accommodation on release: ${QUARTER}`);
    await reoffending.waitFor();
    await reoffending.fill('120%');
    await accommodation.fill('75.2');
    await form.getByLabel('Proven re-offending rate: positive factors').fill('Fewer breaches of licence conditions');
    await shot(other, '14-submitter-fills-in-the-return');
    await form.getByRole('button', { name: 'Submit' }).click();

    // Refused: the error sits under the field it is about, before the next field; what she typed is kept.
    const error = form.locator('.card').getByText('A percentage is between 0 and 100.', { exact: false });
    await error.waitFor();
    await expect(form.getByLabel(`Proven re-offending rate: ${QUARTER}`).inputValue()).resolves.toBe('120%');
    await expect(form.getByLabel(`Settled accommodation on release: ${QUARTER}`).inputValue()).resolves.toBe('75.2');
    const placed = await form.evaluate((root, labels) => {
      const inputs = [...root.querySelectorAll('input, textarea, select')];
      const named = (label: string) => inputs.find((i) => i.getAttribute('aria-label') === label || [...(i.labels ?? [])].some((l) => l.textContent?.trim().replace(/\s*\*$/, '') === label)) ?? null;
      const field = named(labels.field);
      const next = named(labels.next);
      const message = [...root.querySelectorAll('.ac-textBlock')].find((e) => e.textContent?.includes('A percentage is between 0 and 100.')) ?? null;
      if (!field || !next || !message) return `not found: field ${Boolean(field)}, next ${Boolean(next)}, message ${Boolean(message)}`;
      // Node.DOCUMENT_POSITION_FOLLOWING: b comes after a in the page.
      const after = (a: { compareDocumentPosition(b: never): number }, b: unknown) => Boolean(a.compareDocumentPosition(b as never) & 4);
      return after(field, message) && after(message, next) ? 'beside its field' : 'elsewhere';
    }, { field: `Proven re-offending rate: ${QUARTER}`, next: 'Proven re-offending rate: positive factors' });
    expect(placed).toBe('beside its field');
    expect(await service.db.prisma.returnSubmission.count()).toBe(0);
    await scrollTo(error);
    await shot(other, '15-submitter-sees-the-error-beside-the-field');

    await form.getByLabel(`Proven re-offending rate: ${QUARTER}`).fill('21.9');
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.locator('.card', { hasText: `Riverside Probation Delivery Unit (demo)\u2019s ${QUARTER} return submitted: 2 figures` }).waitFor();
    const stored = await service.db.prisma.returnFigure.findMany({ include: { metric: true }, orderBy: { metric: { position: 'asc' } } });
    expect(stored.map((f) => [f.metric.name, f.value, f.positiveFactors])).toEqual([
      ['Proven re-offending rate', 21.9, 'Fewer breaches of licence conditions'],
      ['Settled accommodation on release', 75.2, null],
    ]);
    await scrollTo(form);
    await shot(other, '16-submitter-return-accepted');
  }, STEP);

  it('a week on, by the clock control, the agenda reminder arrives in the channel', async () => {
    await pick(other, PEOPLE.member);
    await openChannel(other);
    await other.getByRole('button', { name: '+7 days' }).click();
    await messageWith(other, /in 7 days/).waitFor();
    await shot(other, '17-member-gets-the-reminder-a-week-later');
  }, STEP);
});
