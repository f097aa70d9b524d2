// The Slack listeners called directly, with a fake core and Bolt's arguments built by hand (the
// bolt-ts-starter-template way): how a command, a refusal, a crash and a form are answered. The
// request was acknowledged before a listener runs (ack-first.ts; test/e2e/slack/ack-first.test.ts),
// so listeners get no ack: every answer goes through respond() or views.open.
import { Writable } from 'node:stream';
import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { quorumCommand } from '../../../adapters/slack/listeners/commands.ts';
import type { ListenerDeps } from '../../../adapters/slack/listeners/shared.ts';
import { UNEXPECTED_ERROR_TEXT } from '../../../adapters/slack/answer.ts';
import { textAfterMention } from '../../../adapters/slack/translate.ts';
import type { Core, Result } from '../../../src/core.ts';
import { CATALOGUE } from '../../../src/core.ts';
import { fakeCore as baseCore } from '../../support/fake-core.ts';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import { createLogger } from '../../../src/logger.ts';
import { slashCommand } from '../../support/slack-client.ts';

function fakeCore(runCommand: Core['runCommand']): Core & { recorded: unknown[] } {
  const recorded: unknown[] = [];
  return {
    recorded,
    ...baseCore({
      runCommand,
      upcomingMeetings: () => Promise.resolve({ kind: 'upcoming-meetings', meetings: [], onNoBoard: true }),
      recordConversation: async (input) => {
        recorded.push(input);
        return { id: 'ref-1', created: true };
      },
    }),
  };
}

function deps(core: Core): ListenerDeps & { logs: () => Record<string, unknown>[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return {
    core,
    logger: createLogger({ level: 'debug', destination }),
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** Bolt's arguments for a slash command listener, with spies. */
function buildArguments(overrides: Partial<Parameters<typeof slashCommand>[0]> = {}) {
  const command = slashCommand(overrides);
  const respond = vi.fn(async (_message: string | RespondArguments) => ({}));
  const viewsOpen = vi.fn(async (_args: unknown) => ({ ok: true }));
  const client = { views: { open: viewsOpen } } as unknown as AllMiddlewareArgs['client'];
  const args = { command, body: command, payload: command, respond, client, say: vi.fn() } as unknown as Omit<SlackCommandMiddlewareArgs, 'ack'> &
    Pick<AllMiddlewareArgs, 'client'>;
  return { args, command, respond, viewsOpen };
}

const help = async (): Promise<Result> => ({ kind: 'help' as const, commands: CATALOGUE });

describe('/quorum listener', () => {
  it('passes who typed what, and where, to the core', async () => {
    const runCommand = vi.fn(help);
    const core = fakeCore(runCommand);
    const { args } = buildArguments({ text: 'help', user_id: 'UCLERK', team_id: 'T1', user_name: 'alex', channel_id: 'CBOARD' });
    await quorumCommand(deps(core))(args);
    expect(runCommand).toHaveBeenCalledWith({
      actor: { platform: 'slack', userId: 'UCLERK', tenantId: 'T1', displayName: 'alex' },
      text: 'help',
      conversationId: 'CBOARD',
    });
    expect(core.recorded).toEqual([expect.objectContaining({ conversationId: 'CBOARD', kind: 'channel', tenantId: 'T1' })]);
  });

  it('answers through respond(), privately', async () => {
    const { args, respond } = buildArguments({ text: 'help' });
    await quorumCommand(deps(fakeCore(help)))(args);
    expect(respond).toHaveBeenCalledTimes(1);
    expect(respond.mock.calls[0]?.[0]).toMatchObject({ response_type: 'ephemeral', text: expect.any(String), blocks: expect.any(Array) });
  });

  it('shows an AppError\u2019s own message, privately', async () => {
    const refuse = () => Promise.reject(new AppError(ErrorCode.NOT_A_CLERK, 'Only the clerk or the chair of Safer Communities Partnership Board can do that.'));
    const d = deps(fakeCore(refuse));
    const { args, respond } = buildArguments({ text: 'outbox' });
    await quorumCommand(d)(args);
    expect(respond.mock.calls[0]?.[0]).toMatchObject({
      response_type: 'ephemeral',
      text: 'Only the clerk or the chair of Safer Communities Partnership Board can do that.',
    });
    expect(d.logs().some((l) => l.code === 'NOT_A_CLERK')).toBe(true);
  });

  it('apologises for an unexpected error without showing it, and logs it with its stack', async () => {
    const crash = () => Promise.reject(new TypeError('Cannot read properties of undefined (reading "slug")'));
    const d = deps(fakeCore(crash));
    const { args, respond } = buildArguments({ text: 'outbox' });
    await quorumCommand(d)(args);
    const answer = respond.mock.calls[0]?.[0] as RespondArguments;
    expect(answer.text).toBe(UNEXPECTED_ERROR_TEXT);
    expect(JSON.stringify(answer)).not.toContain('slug');
    const logged = d.logs().find((l) => l.msg === 'request failed') as { err?: { stack?: string } } | undefined;
    expect(logged?.err?.stack).toContain('TypeError');
  });

  it('opens a form in a modal with the command\u2019s trigger id', async () => {
    const form = async (): Promise<Result> => ({ kind: 'form', form: 'board.setup', values: { timezone: 'Europe/London', quorum: '3' }, metadata: {} });
    const { args, respond, viewsOpen, command } = buildArguments({ text: 'board setup' });
    await quorumCommand(deps(fakeCore(form)))(args);
    expect(respond).not.toHaveBeenCalled();
    expect(viewsOpen).toHaveBeenCalledTimes(1);
    expect(viewsOpen.mock.calls[0]?.[0]).toMatchObject({ trigger_id: command.trigger_id, view: { type: 'modal' } });
  });

  it('does not record direct messages between people', async () => {
    const core = fakeCore(help);
    const { args } = buildArguments({ text: 'help', channel_id: 'D123', channel_name: 'directmessage' });
    await quorumCommand(deps(core))(args);
    expect(core.recorded).toEqual([]);
  });
});

describe('mentions', () => {
  it('takes the text after the bot\u2019s mention as the command', () => {
    expect(textAfterMention('<@UBOT> agenda post', 'UBOT')).toBe('agenda post');
    expect(textAfterMention('<@UBOT|quorum>   help ', 'UBOT')).toBe('help');
    expect(textAfterMention('please <@UBOT> outbox', 'UBOT')).toBe('please outbox');
    expect(textAfterMention('<@UBOT> help', undefined)).toBe('help');
  });
});
