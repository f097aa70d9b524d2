import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommand } from '../../src/commands.ts';
import { AppError } from '../../src/errors.ts';

describe('parseCommand', () => {
  it('reads every listed command, case-insensitively, with what follows it', () => {
    for (const spec of COMMANDS) {
      const parsed = parseCommand(`${spec.words.join(' ').toUpperCase()} extra words`);
      expect(parsed.spec).toBe(spec);
      expect(parsed.rest).toBe('extra words');
    }
  });

  it('treats empty text as help', () => {
    expect(parseCommand('   ').spec.words).toEqual(['help']);
  });

  it('takes --board out of the rest, in either spelling', () => {
    expect(parseCommand('outbox --board scpb')).toMatchObject({ board: 'scpb', rest: '' });
    expect(parseCommand('outbox --board=scpb')).toMatchObject({ board: 'scpb', rest: '' });
    expect(parseCommand('outbox')).not.toHaveProperty('board');
  });

  it('says clearly when a command is unknown, quoting what was typed (shortened)', () => {
    expect(() => parseCommand('frobnicate the agenda')).toThrowError(AppError);
    expect(() => parseCommand('frobnicate the agenda')).toThrow(/I don't know the command "frobnicate the agenda". Try "help"/);
    const long = `x${'y'.repeat(200)}`;
    try {
      parseCommand(long);
    } catch (error) {
      expect((error as Error).message.length).toBeLessThan(140);
    }
  });
});
