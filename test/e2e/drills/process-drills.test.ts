// Fault drills that kill or start service processes, small (the full-size ones are
// `npm run bench -- drills`): each ends with every queued message delivered exactly once, as the
// fake Slack counts, and no failure notice to the clerks.
import { describe, it } from 'vitest';
import { killDrill, secondProcessDrill } from '../../support/drills/process-drills.ts';

// The drills run side by side: each has its own database, fake Slack and service, and most of a
// drill's time is spent waiting (Slack's one message a second per channel, leases running out).
describe.concurrent('drills', () => {
  it('SIGKILL mid-delivery of 50 messages, then a restart on the same database: each delivered once', async ({ expect }) => {
    const result = await killDrill({ messages: 50, channels: 25, leaseMs: 3_000 });
    expect(result.notes.join('\n')).not.toMatch(/exited with/);
    expect(result).toMatchObject({ queued: 50, sent: 50, lost: 0, duplicated: 0, notices: 0, unfinished: 0 });
  }, 300_000);

  it('a second process on the PGlite folder in use is refused, saying why, and the first delivers each message once', async ({ expect }) => {
    const result = await secondProcessDrill({ messages: 30, channels: 15 });
    expect(result.exitCode).toBe(1);
    expect(result.refusal).toMatch(new RegExp(`embedded database folder is in use by another Quorum process \\(pid ${result.firstPid};`));
    // In one line, as npm start says what to do: not an error logged with its stack trace.
    expect(result.refusalWithError).toBe(false);
    expect(result).toMatchObject({ queued: 30, sent: 30, lost: 0, duplicated: 0, notices: 0, unfinished: 0 });
  }, 300_000);
});
