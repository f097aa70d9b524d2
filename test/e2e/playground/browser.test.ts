// The playground in a real browser: Debian's Chromium (never one downloaded by a test tool),
// driven by playwright-core. Two people in two tabs on the demo board: the clerk types "agenda
// post" in the board channel and gets the answer in her own chat; a member of the board sees the
// agenda card in the channel, rendered by the adaptivecards package (exempt business withheld),
// looks at the Slack Block Kit of the same message, and, after the clock control moves a week on,
// sees the reminder arrive. Each step's screenshot is kept in test-artifacts/playground/.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAadId } from '../../../adapters/playground/demo.ts';
import { startPlaygroundService, type PlaygroundService } from './service.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/playground/', import.meta.url));

if (!hasChromium) {
  console.warn(`SKIPPED test/e2e/playground/browser.test.ts: ${CHROMIUM} is not installed. Install Debian's chromium (apt-get install -y chromium) to run the playground in a browser; .ci/run does.`);
}

let service: PlaygroundService;
let quorum: PlaygroundService['quorum'];
let context: BrowserContext;
let profile: string;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

async function openAs(aadObjectId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${quorum.url.replace('127.0.0.1', 'localhost')}/?as=${encodeURIComponent(aadObjectId)}`);
  await page.locator('body[data-ready=yes]').waitFor();
  return page;
}

describe.skipIf(!hasChromium)('the playground in Chromium', () => {
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
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
    await service?.stop();
  });

  it('a clerk posts the agenda in the channel; a member sees it there, and its Slack version; the clock brings the reminder', async () => {
    // 1. The clerk, in the board channel, on the demo board.
    const clerk = await openAs(demoAadId('clerk'));
    await expect(clerk.locator('#person option:checked').textContent()).resolves.toBe('Priya Shah, Council');
    expect(await clerk.locator('[data-testid=demo-banner]').isVisible()).toBe(true);
    await shot(clerk, '01-clerk-opens-the-channel');

    await clerk.locator('[data-testid=compose]').fill('agenda post');
    await clerk.locator('[data-testid=send]').click();
    const messages = clerk.locator('[data-testid=messages]');
    await messages.getByText('@Quorum agenda post').waitFor();
    await messages.getByText('I\u2019ve sent that to you in our chat, Priya Shah.').waitFor();
    // The agenda card arrives in the channel through the outbox, rendered by adaptivecards.
    const clerkAgenda = messages.locator('.card').filter({ hasText: 'Community Safety Performance Dashboard' });
    await clerkAgenda.waitFor({ timeout: 20_000 });
    await shot(clerk, '02-clerk-posted-the-agenda');

    await clerk.locator('[data-testid=open-personal]').click();
    await clerk.locator('[data-testid=messages]').getByText(/Agenda for .*: posted to the Teams channel/).waitFor();
    await shot(clerk, '03-clerk-gets-the-answer-in-her-chat');

    // 2. A member of the board, in another tab: the same channel, the card as Teams shows it.
    const member = await openAs(demoAadId('police'));
    await expect(member.locator('#person option:checked').textContent()).resolves.toBe('Ch Supt Sarah Whitfield, Police');
    const agenda = member.locator('[data-testid=messages] .card').filter({ hasText: 'Community Safety Performance Dashboard' });
    await agenda.waitFor();
    const text = await agenda.innerText();
    expect(text).toContain('Riverside Civic Centre, Committee Room 2');
    expect(text).toContain('Exempt item');
    expect(text).not.toContain('Domestic Homicide Review');
    await agenda.scrollIntoViewIfNeeded();
    await shot(member, '04-member-sees-the-agenda');

    // 3. The Slack Block Kit of the same message.
    await member.locator('[data-testid=show-slack]').check();
    const slack = member.locator('[data-testid=message]').filter({ has: member.locator('.card', { hasText: 'Community Safety Performance Dashboard' }) }).locator('details.slack pre');
    await expect.poll(() => slack.innerText(), { timeout: 10_000 }).toMatch(/Slack message:[\s\S]*"blocks"[\s\S]*Community Safety Performance Dashboard/);
    expect(await slack.innerText()).not.toContain('Domestic Homicide Review');
    await slack.scrollIntoViewIfNeeded();
    await shot(member, '05-member-sees-the-slack-version');

    // 4. A week on: the 7-day reminder arrives in the channel.
    await member.locator('[data-testid=show-slack]').uncheck();
    await member.getByRole('button', { name: '+7 days' }).click();
    await member.locator('[data-testid=messages] .card').filter({ hasText: /in 7 days/ }).waitFor({ timeout: 20_000 });
    await shot(member, '06-member-gets-the-reminder-a-week-later');
  }, 120_000);
});
