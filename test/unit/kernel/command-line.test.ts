// What someone types → the command it names, as the features declare them. Nothing is guessed:
// a misspelt subcommand is answered with the closest real ones, never run as another command.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/core.ts';
import { AppError } from '../../../src/errors.ts';
import { closest, parseCommandLine } from '../../../src/kernel/command-line.ts';

const parse = (text: string) => parseCommandLine(text, COMMANDS);
const refusal = (text: string): AppError => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
};

describe('parseCommandLine', () => {
  it('reads every declared command by its words, case-insensitively', () => {
    const example: Record<string, string> = {
      'agenda edit': '5',
      'agenda remove': '6',
      'agenda move': '7 to 5',
      'agenda import': '1234 https://democracy.example.gov.uk',
      'returns deactivate': 'Robbery',
    };
    for (const spec of COMMANDS) {
      const parsed = parse(`${spec.words.toUpperCase()} ${example[spec.words] ?? ''}`);
      expect(parsed.spec).toBe(spec);
    }
  });

  it('treats empty text as help', () => {
    expect(parse('   ').spec.words).toBe('help');
  });

  it('takes --board out, in either spelling', () => {
    expect(parse('outbox --board scpb')).toMatchObject({ board: 'scpb' });
    expect(parse('outbox --board=scpb')).toMatchObject({ board: 'scpb' });
    expect(parse('outbox')).not.toHaveProperty('board');
  });

  it('reads arguments into their types: a date, an item and its place, a reason', () => {
    expect(parse('agenda post 2026-12-04').args).toEqual({ date: '2026-12-04' });
    expect(parse('agenda').args).toEqual({});
    expect(parse('agenda move 7 to 5 2026-12-04').args).toEqual({ number: '7', to: 5, date: '2026-12-04' });
    expect(parse('meeting cancel 2026-12-04 Not quorate').args).toEqual({ date: '2026-12-04', reason: 'Not quorate' });
    expect(parse('meeting cancel Not quorate').args).toEqual({ reason: 'Not quorate' });
  });

  it('never takes a misspelt subcommand for its group: "agenda pots" is not "agenda"', () => {
    const error = refusal('agenda pots');
    expect(error.code).toBe('UNKNOWN_SUBCOMMAND');
    expect(error.say).toMatch(/^"pots" is not an? agenda command\. Did you mean "agenda post"\?/);
    expect(refusal('agenda previw').say).toMatch(/Did you mean "agenda preview"/);
    expect(refusal('meeting nwe').say).toMatch(/Did you mean "meeting new"/);
    expect(refusal('board set-up').say).toMatch(/Did you mean "board setup"/);
    expect(refusal('plan proposal').say).toMatch(/Did you mean "plan propose"/);
  });

  it('says what a bare group word can do', () => {
    expect(refusal('meeting')).toMatchObject({ code: 'COMMAND_USAGE' });
    expect(refusal('meeting').say).toMatch(/"meeting new", "meeting edit", "meeting cancel"/);
    expect(refusal('board').say).toMatch(/"board setup"/);
  });

  it('explains a command typed with the wrong arguments, with how to type it', () => {
    expect(refusal('agenda edit')).toMatchObject({ code: 'COMMAND_USAGE' });
    expect(refusal('agenda edit').say).toMatch(/Say which item: "agenda edit 5"\. Type it as: agenda edit <item> \[YYYY-MM-DD\]/);
    expect(refusal('agenda post 4 Dec').say).toMatch(/"4" is not a date/);
    expect(refusal('outbox now')).toMatchObject({ code: 'COMMAND_USAGE' });
    expect(refusal('board channel secret').say).toMatch(/board channel private/);
  });

  it('says clearly when a command is unknown, with the nearest ones, quoting what was typed (shortened)', () => {
    expect(refusal('frobnicate the agenda')).toMatchObject({ code: 'UNKNOWN_COMMAND' });
    expect(refusal('frobnicate the agenda').say).toMatch(/I don't know the command "frobnicate the agenda". Try "help"/);
    expect(refusal('agnda').say).toMatch(/Did you mean "agenda"\?/);
    expect(refusal('meetngs').say).toMatch(/Did you mean "meetings"/);
    expect(refusal(`x${'y'.repeat(200)}`).say.length).toBeLessThan(140);
  });

  it('finds the closest words by edit distance, not by accident', () => {
    expect(closest('pots', ['post', 'preview', 'remind'])).toEqual(['post']);
    expect(closest('zzzz', ['post', 'preview'])).toEqual([]);
    expect(closest('rem', ['remind', 'remove'])).toEqual(['remind', 'remove']);
  });
});
