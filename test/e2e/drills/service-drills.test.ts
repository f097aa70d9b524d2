// Fault drills on the service in this process, small (the full-size ones are
// `npm run bench -- drills`): the database's connections killed, PostgreSQL restarted, Slack
// down, two instances on one PostgreSQL. Each ends with every queued message delivered exactly
// once, as the fake Slack counts, and no failure notice to the clerks.
import { describe, it } from 'vitest';
import { connectionsDrill, outageDrill, restartDrill, twoInstancesDrill } from '../../support/drills/drills.ts';

const clean = { lost: 0, duplicated: 0, notices: 0, unfinished: 0 };

// The drills run side by side: each has its own database, fake Slack and service, and most of a
// drill's time is spent waiting (Slack's one message a second per channel, leases running out).
describe.concurrent('drills', () => {
  it('every database connection killed twice mid-delivery: each message delivered once', async ({ expect }) => {
    const result = await connectionsDrill({ messages: 40, channels: 20, leaseMs: 3_000, cuts: 2 });
    expect(result.notes.filter((n) => n.startsWith('cut'))).toHaveLength(2);
    expect(result.notes.some((n) => /^cut 1: killed [1-9]/.test(n))).toBe(true);
    expect(result).toMatchObject({ queued: 40, sent: 40, ...clean });
  }, 300_000);

  it('PostgreSQL (a private cluster) stopped as by a crash and started again mid-burst: each message delivered once', async ({ expect }) => {
    const result = await restartDrill({ messages: 40, channels: 20, leaseMs: 3_000, downMs: 2_000 });
    expect(result).toMatchObject({ queued: 40, sent: 40, ...clean });
  }, 300_000);

  // Where no server binaries are installed the drill simulates the restart with a TCP proxy in front
  // of the suite's server; proven here too (in front of a private cluster on the PGlite run).
  it('PostgreSQL restarted, simulated by a proxy that drops every connection and refuses new ones: each message delivered once', async ({ expect }) => {
    const result = await restartDrill({ messages: 40, channels: 20, leaseMs: 3_000, downMs: 2_000, simulate: true });
    expect(result.notes[0]).toMatch(/^simulated: as asked, so a TCP proxy/);
    expect(result).toMatchObject({ queued: 40, sent: 40, ...clean });
  }, 300_000);

  it('Slack answering 503 to everything for 4 s: the messages wait and go after, once each, with no failure notice', async ({ expect }) => {
    const result = await outageDrill({ messages: 40, channels: 20, outageMs: 4_000 });
    expect(result.notes[0]).toMatch(/: [1-9]\d* calls refused/);
    expect(result).toMatchObject({ queued: 40, sent: 40, ...clean });
  }, 300_000);

  it('two instances on one PostgreSQL database, both dispatching: each message sent once, by one or the other', async ({ expect }) => {
    // Ten messages a channel at Slack's one a second: the work lasts about ten seconds, so the
    // instance woken by the queueing cannot finish it before the other's next poll, however loaded
    // the machine (with 20 channels, one instance took all 60 under load).
    const result = await twoInstancesDrill({ messages: 60, channels: 6 });
    expect(result.notes[1]).toMatch(/first instance [1-9]\d*, by the second [1-9]\d*/);
    expect(result).toMatchObject({ queued: 60, sent: 60, ...clean });
  }, 300_000);
});
