// Hostile text through every card the registry can build (every result kind, every outbox
// template, every form, and a digest), on both platforms. For each: the payload is still valid
// (Slack's limits, Microsoft's own Adaptive Card parser); nothing pings (<!channel>, <!here>,
// <@U…>, <#C…>); the only links are the ones the fixtures gave the cards; the person's text adds
// no formatting (Slack: no more *, _, ~, `, emoji codes, quotes or lists than the same card with
// plain words; Teams: markdown read by markdown-it, a CommonMark parser, has the same emphasis,
// lists and links as with plain words, and no code, heading, quote, rule, table, image or HTML);
// and the text is shown as typed (unescaped and read back, each line of it is there).
//
// One test per card (and per form) runs every hostile string through it: each check writes what it
// finds wrong as a sentence starting with the string, and the test asserts once that there is none.
// A failure names the card (the test) and the string (the sentence), and lists every problem with
// every string; a string whose card throws is a problem too, and the other strings still run.
import { isDeepStrictEqual } from 'node:util';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../cards/escape.ts';
import type { Card, FieldErrors, Form, FormValues } from '../../../cards/model.ts';
import { formDefinition, formFor, outboundCard, outboundMessagesCard, REGISTERED, resultCard } from '../../../cards/registry.ts';
import { renderAdaptiveCard, teamsSummary } from '../../../cards/render/adaptive.ts';
import { renderAdaptiveForm } from '../../../cards/render/adaptive-form.ts';
import { renderSlackMessage, renderSlackText } from '../../../cards/render/slack.ts';
import { renderSlackModal, slackErrorsResponse } from '../../../cards/render/slack-form.ts';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { slackErrorsResponseSchema, slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { renderOutbound as renderSlackOutbound, renderText as renderSlackAnswerText } from '../../../adapters/slack/render.ts';
import { renderOutbound as renderTeamsOutbound, renderResult as renderTeamsResult, textMessage } from '../../../adapters/teams/render.ts';
import { HOSTILE, LONG_HOSTILE, OUR_URLS, RESULT_FIXTURES, templateMessages as makeTemplateMessages } from '../../support/hostile-text.ts';

const BENIGN = 'Plain words';
const markdown = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof markdown.parse>[number];

// --- Problems, by string -----------------------------------------------------------------------

// Each check collects what it finds wrong as a sentence; the test asserts once that there is none
// (`expect(problems).toEqual([])`): the failure lists every problem, and the suite does not pay
// for an assertion (or a test) per string and check.
type Problems = string[];
const cut = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

/** How a failure names a string: as typed (cut at 80 characters), a long one by its number too. */
const NAMES = new Map<string, string>([...HOSTILE.map((s) => [s, cut(s)] as const), ...LONG_HOSTILE.map((s, i) => [s, `long #${i} ${cut(s)}`] as const)]);
const nameOf = (s: string) => NAMES.get(s) ?? cut(s);

/** Runs `check` with each string; what it finds starts with the string's name. A check that
 * throws is a problem with that string, and the strings after it still run. */
function forEachString(strings: readonly string[], check: (s: string, problems: Problems) => void): Problems {
  const all: Problems = [];
  for (const s of strings) {
    const found: Problems = [];
    try {
      check(s, found);
    } catch (error) {
      found.push(`threw ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    for (const problem of found) all.push(`${nameOf(s)}: ${problem}`);
  }
  return all;
}

type Issue = { path: PropertyKey[]; message: string };
const issuesOf = (what: string, result: { error?: { issues: Issue[] } }): Problems => (result.error?.issues ?? []).map((i) => `${what}: ${i.path.map(String).join('.') || '(root)'}: ${i.message}`);

/** `compute` made once per distinct text: the same escaped text fills many fields of many cards,
 * and each hostile string many cards. Pure functions of their text only. */
function once<T>(compute: (text: string) => T): (text: string) => T {
  const done = new Map<string, T>();
  return (text) => {
    if (!done.has(text)) done.set(text, compute(text));
    return done.get(text) as T;
  };
}

/** A validator for a pair of cards that mostly render the same payload (a result card's Slack and
 * Teams variants, one after the other): the first of the pair is validated and kept; the second
 * takes its result only when its payload is deep-strictly equal, else it is validated too. */
function validatedInPairs<T>(validate: (payload: unknown) => T): (payload: unknown, pair?: string) => T {
  const first = new Map<string, { payload: unknown; value: T }>();
  return (payload, pair) => {
    const kept = pair === undefined ? undefined : first.get(pair);
    if (kept) {
      first.delete(pair as string);
      if (isDeepStrictEqual(kept.payload, payload)) return kept.value;
    }
    const value = validate(payload);
    if (pair !== undefined && !kept) first.set(pair, { payload, value });
    return value;
  };
}
const adaptiveProblems = validatedInPairs((card) => validateAdaptiveCard(card).map((p) => `Adaptive Card: ${p}`));
const slackMessageIssues = validatedInPairs((message) => issuesOf('Slack limits', slackMessageSchema.safeParse(message)));

/** The outbox's data for `s`, made and checked against each template's schema once per string
 * (every template card, the digest and the adapters use it), and frozen: a card that changed it
 * would throw, not pass its change on to the next card. */
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};
const templateMessages = once((s: string) => deepFreeze(makeTemplateMessages(s)));

// --- What each platform will read ------------------------------------------------------------

interface Read {
  /** Slack: mrkdwn objects and message text. Teams: markdown fields. */
  markup: string[];
  /** Fields neither platform reads as markup. */
  plain: string[];
  /** Addresses of link buttons. */
  urls: string[];
  /** Every string a person could see, for the character checks. */
  shown: string[];
}

const empty = (): Read => ({ markup: [], plain: [], urls: [], shown: [] });

/** Walks a Slack payload. Button values and private metadata are the bot's data, not shown. */
function readSlack(payload: unknown, read = empty(), problems: Problems = []): Read & { problems: Problems } {
  if (Array.isArray(payload)) payload.forEach((p) => readSlack(p, read, problems));
  else if (payload && typeof payload === 'object') {
    const node = payload as Record<string, unknown>;
    if (node.type === 'mrkdwn' && typeof node.text === 'string') {
      read.markup.push(node.text);
      // verbatim: Slack does not turn bare addresses or #channel names into links by itself.
      if (node.verbatim !== true) problems.push(`a mrkdwn object without verbatim: true: ${cut(node.text)}`);
    }
    if (node.type === 'plain_text' && typeof node.text === 'string') read.plain.push(node.text);
    if (node.type === 'button' && typeof node.url === 'string') read.urls.push(node.url);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'value' || key === 'private_metadata') continue;
      if (typeof value === 'string') read.shown.push(value);
      else readSlack(value, read, problems);
    }
  }
  return Object.assign(read, { problems });
}

const MARKDOWN_KEYS = new Set(['text', 'value', 'fallbackText']);

/** Walks an Adaptive Card: TextBlock text, facts and fallbackText are markdown; the rest plain. */
function readAdaptive(card: unknown, read = empty(), parent?: Record<string, unknown>): Read {
  if (Array.isArray(card)) card.forEach((c) => readAdaptive(c, read, parent));
  else if (card && typeof card === 'object') {
    const node = card as Record<string, unknown>;
    const isFact = parent?.type === 'FactSet';
    for (const [key, value] of Object.entries(node)) {
      if (key === 'data') continue;
      if (typeof value === 'string') {
        read.shown.push(value);
        if (node.type === 'Action.OpenUrl' && key === 'url') read.urls.push(value);
        else if ((node.type === 'TextBlock' && key === 'text') || (isFact && MARKDOWN_KEYS.has(key)) || (isFact && key === 'title') || key === 'fallbackText') read.markup.push(value);
        else if (['title', 'label', 'placeholder', 'errorMessage'].includes(key)) read.plain.push(value);
      } else readAdaptive(value, read, node);
    }
  }
  return read;
}

// --- Checks ----------------------------------------------------------------------------------

const LOOKALIKE_BACK: Record<string, string> = { '\u2217': '*', '\u02CD': '_', '\u223C': '~', '\u02CB': '`', '\uFE61': '*', '\u2E0F': '_', '\uFF0A': '*', '\uFF3F': '_', '\uFF5E': '~', '\uFF40': '`' };
/** What a reader sees: invisible marks dropped, look-alikes (and their wide forms) read as what
 * they stand for. Applied to what was typed and to what is shown alike. */
const visible = (text: string) => text.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '').replace(/[\u2217\u02CD\u223C\u02CB\uFE61\u2E0F\uFF0A\uFF3F\uFF5E\uFF40]/g, (c) => LOOKALIKE_BACK[c] ?? c);
const slackDecoded = (mrkdwn: string) => mrkdwn.replace(/<(https?:[^|>]+)\|([^>]*)>/g, '$2').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Every character BAD_CHARACTERS can match is in this class, which is quicker to look for: text
 * without any is clean, text with one (a line break, an emoji) is looked at by BAD_CHARACTERS. */
// eslint-disable-next-line no-control-regex -- as above
const MAYBE_BAD = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uD800-\uDFFF]/;
const hasBadCharacters = (text: string) => MAYBE_BAD.test(text) && BAD_CHARACTERS.test(text);
function badCharacters(where: string, text: string | undefined): Problems {
  if (typeof text !== 'string') return [`no text in ${where}: ${String(text)}`];
  return hasBadCharacters(text) ? [`a control character, a direction override or half a surrogate pair in ${where}: ${cut(text)}`] : [];
}

function cleanProblems(read: Read): Problems {
  // Each distinct string once: a card shows the same text in many places.
  return [
    ...[...new Set(read.shown)].filter(hasBadCharacters).map((text) => `a control character, a direction override or half a surrogate pair in ${cut(text)}`),
    ...read.urls.filter((url) => !OUR_URLS.includes(url)).map((url) => `a link button to ${url}`),
  ];
}

/** Slack links the bot made: <https://…|label> with one of our addresses. */
const SLACK_LINK = /<(https?:\/\/[^|>\s]+)\|[^<>]*>/g;

function slackMarks(read: Read): string {
  const all = read.markup.join('\n');
  return JSON.stringify({
    emphasis: (all.match(/[*_~`]/g) ?? []).length,
    emoji: ([...read.markup, ...read.plain].join('\n').match(/:[a-z0-9_+'-]+:/gi) ?? []).length,
    links: (all.match(SLACK_LINK) ?? []).length,
  });
}

const OUR_SLACK_URLS = OUR_URLS.map((u) => u.replace(/\|/g, '%7C'));

function slackProblems(read: Read & { problems?: Problems }): Problems {
  const problems = [...(read.problems ?? []), ...cleanProblems(read)];
  for (const text of read.markup) {
    for (const [, url] of text.matchAll(SLACK_LINK)) if (!OUR_SLACK_URLS.includes(url ?? '')) problems.push(`a Slack link to ${url}`);
    const rest = text.replace(SLACK_LINK, '');
    if (/[<>]/.test(rest)) problems.push(`a Slack control sequence (ping, link, date) in ${cut(rest)}`);
    for (const line of rest.split('\n')) if (/^ *(&gt;|＞|[-+] |\d+[.)] )/.test(line)) problems.push(`a quote or a list started by typed text: ${cut(line)}`);
  }
  return problems;
}

const sameSlackMarks = (hostile: string, benign: string): Problems => (hostile === benign ? [] : [`Slack formatting the plain-words card does not have: ${hostile} where plain words give ${benign}`]);

const FORBIDDEN_TOKENS = ['code_inline', 'code_block', 'fence', 'heading_open', 'blockquote_open', 'ordered_list_open', 'hr', 's_open', 'table_open', 'html_inline', 'html_block', 'image'];
const COUNTED_TOKENS = ['strong_open', 'em_open', 'bullet_list_open', 'list_item_open', 'link_open'];

/** What markdown-it reads in one markdown string: the problems in it, how many of each counted
 * token, and its words (text and code, entities decoded: what Teams shows). Read once per
 * distinct string. */
interface MarkdownRead {
  problems: Problems;
  counts: number[];
  words: string[];
}

const readMarkdown = once((text: string): MarkdownRead => {
  const read: MarkdownRead = { problems: [], counts: COUNTED_TOKENS.map(() => 0), words: [] };
  const visit = (tokens: Token[]) => {
    for (const t of tokens) {
      if (FORBIDDEN_TOKENS.includes(t.type)) read.problems.push(`markdown read ${cut(String(t.content || t.markup))} as ${t.type}`);
      if (t.type === 'link_open' && !OUR_URLS.includes(String(t.attrGet('href')))) read.problems.push(`a markdown link to ${t.attrGet('href')}`);
      const counted = COUNTED_TOKENS.indexOf(t.type);
      if (counted >= 0) read.counts[counted] = (read.counts[counted] ?? 0) + 1;
      if (t.type === 'text' || t.type === 'code_inline') read.words.push(t.content);
      if (t.children) visit(t.children);
    }
  };
  visit(markdown.parse(text, {}));
  return read;
});

/** All the markdown fields of a card, read: problems and words in order, counts summed. */
function markdownOf(read: Read): MarkdownRead {
  const all: MarkdownRead = { problems: [], counts: COUNTED_TOKENS.map(() => 0), words: [] };
  for (const text of read.markup) {
    const one = readMarkdown(text);
    all.problems.push(...one.problems);
    all.words.push(...one.words);
    one.counts.forEach((n, i) => (all.counts[i] = (all.counts[i] ?? 0) + n));
  }
  return all;
}

const countsOf = (counts: number[]) => JSON.stringify(Object.fromEntries(COUNTED_TOKENS.map((type, i) => [type, counts[i]])));
const sameMarkdownCounts = (hostile: number[], benign: number[]): Problems =>
  countsOf(hostile) === countsOf(benign) ? [] : [`markdown the plain-words card does not have: ${countsOf(hostile)} where plain words give ${countsOf(benign)}`];

/** Problems with an Adaptive Card's text: characters, link buttons, markdown it should not read. */
function adaptiveTextProblems(read: Read, md: MarkdownRead): Problems {
  return [...cleanProblems(read), ...md.problems];
}

/** Each line of what was typed, as a reader would look for it (less what escape.ts removes on
 * purpose); made once per string. */
const wantedLines = once((s: string) =>
  cleanText(s)
    .split('\n')
    .map((line) => visible(line).replace(/\s+/g, ' ').trim())
    .filter(Boolean),
);

/** Each line of what was typed is there, as typed. */
function shownProblems(where: string, s: string, texts: string[]): Problems {
  const all = visible(texts.join('\n')).replace(/\s+/g, ' ');
  return wantedLines(s)
    .filter((want) => !all.includes(want))
    .map((want) => `${cut(want)} is not shown as typed (${where})`);
}

// --- Every card ------------------------------------------------------------------------------

interface Built {
  name: string;
  /** Cards of one pair are validated as a pair (validatedInPairs). */
  pair?: string;
  card: (s: string) => Card;
}

const cards: Built[] = [
  // Each result's Teams variant right after its Slack one: their payloads are mostly the same.
  ...REGISTERED.results.flatMap((kind) => [
    { name: `result ${kind}`, pair: kind, card: (s: string) => resultCard(RESULT_FIXTURES[kind](s) as never, { platform: 'slack' }) },
    { name: `result ${kind} (Teams)`, pair: kind, card: (s: string) => resultCard(RESULT_FIXTURES[kind](s) as never, { platform: 'teams' }) },
  ]),
  ...templateMessages(BENIGN).map((m, i) => ({ name: `template ${m.template} #${i}`, card: (s: string) => outboundCard((templateMessages(s)[i] ?? m) as never) })),
  { name: 'a digest of every template', card: (s: string) => outboundMessagesCard(templateMessages(s) as never) },
];

function formOf(id: string, s: string): Form {
  const definition = formDefinition(id);
  if (!definition) throw new Error(`no form ${id}`);
  const values: Record<string, string | boolean | string[]> = {};
  const options: Record<string, { value: string; label: string }[]> = {};
  for (const field of definition.fields) {
    values[field.id] = field.kind === 'checkbox' ? true : field.kind === 'multiselect' ? ['a'] : field.kind === 'select' ? 'a' : s;
    if (field.kind === 'select' || field.kind === 'multiselect') options[field.id] = [{ value: 'a', label: s }, { value: '', label: s }];
  }
  // A form whose fields are built from data (a return: one per metric, labelled with its name).
  const uuid = '6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01';
  const fields = definition.fieldFor
    ? [
        { id: `v_${uuid}`, label: s, kind: 'text' as const, required: true, hint: s },
        { id: `pf_${uuid}`, label: s, kind: 'textarea' as const, hint: s },
        { id: `ma_${uuid}`, label: s, kind: 'select' as const, options: [{ value: 'a', label: s }] },
      ]
    : undefined;
  if (fields) for (const f of fields) values[f.id] = f.kind === 'select' ? 'a' : s;
  return formFor({ kind: 'form', form: id, values, metadata: { meetingId: 'm1' }, options, context: s, ...(fields ? { fields } : {}) });
}

const errorsOf = (form: Form, s: string): FieldErrors => Object.fromEntries(form.fields.map((f) => [f.id, s]));
const enteredOf = (form: Form, s: string): FormValues => Object.fromEntries(form.fields.map((f) => [f.id, f.kind === 'checkbox' ? true : s]));

describe('the registry is covered', () => {
  it('has a hostile fixture for every result kind, a template for every outbox card, a form for every definition', () => {
    expect(Object.keys(RESULT_FIXTURES).sort()).toEqual([...REGISTERED.results].sort());
    expect([...new Set(templateMessages(BENIGN).map((m) => m.template))].sort()).toEqual([...REGISTERED.templates].sort());
    expect(REGISTERED.forms.length).toBeGreaterThan(0);
  });
});

/** Plain words in the same lines as `s`: our own formatting (bold on each line of a title) is the
 * same for both, so any difference is formatting that came from the text. */
const benignLike = (s: string) => cleanText(s).split('\n').map((line) => (line.trim() ? BENIGN : '')).join('\n');

/** What the same card reads with plain words (its Slack marks and its markdown counts), built
 * once per shape of lines (most hostile strings are one line, so a card is built with plain words
 * a few times, not once per string). */
interface Benign {
  slackMarks: string;
  counts: number[];
}

function benignByShape(build: (words: string) => Benign): (s: string) => Benign {
  const built = once(build);
  return (s) => built(benignLike(s));
}

describe.each(cards)('$name', ({ card, pair }) => {
  const benignFor = benignByShape((words) => {
    const benign = card(words);
    return { slackMarks: slackMarks(readSlack(renderSlackMessage(benign))), counts: markdownOf(readAdaptive(renderAdaptiveCard(benign))).counts };
  });

  it('has no markup of ours written as a plain string (it would show as look-alike asterisks)', () => {
    const built = card(BENIGN);
    const shown = [...readSlack(renderSlackMessage(built)).markup, ...readAdaptive(renderAdaptiveCard(built)).markup].join('\n');
    expect(shown).not.toMatch(/[\u2217\u02CD\u223C\u02CB]/);
  });

  /** The checks every string gets, long or not. */
  function safe(s: string, problems: Problems) {
    const built = card(s);
    const slack = renderSlackMessage(built);
    problems.push(...slackMessageIssues(slack, pair && `${pair}\u0000${s}`));
    const slackRead = readSlack(slack);
    const marks = slackMarks(slackRead);
    slackRead.markup.push(slack.text);
    problems.push(...slackProblems(slackRead));
    const adaptive = renderAdaptiveCard(built);
    problems.push(...adaptiveProblems(adaptive, pair && `${pair}\u0000${s}`));
    const adaptiveRead = readAdaptive(adaptive);
    const md = markdownOf(adaptiveRead);
    problems.push(...adaptiveTextProblems(adaptiveRead, md));
    return { built, slackRead, marks, adaptiveRead, md };
  }

  it('every hostile string: valid, no pings or links, no formatting of its own, shown as typed', () => {
    const problems = forEachString(HOSTILE, (s, found) => {
      const benign = benignFor(s);
      const { built, slackRead, marks, adaptiveRead, md } = safe(s, found);
      found.push(...sameSlackMarks(marks, benign.slackMarks));
      found.push(...shownProblems('Slack', s, [...slackRead.markup.map(slackDecoded), ...slackRead.plain]));
      found.push(...sameMarkdownCounts(md.counts, benign.counts));
      found.push(...shownProblems('Teams', s, [...md.words, ...adaptiveRead.plain]));
      found.push(...badCharacters('the Teams summary', teamsSummary(built)));
    });
    expect(problems).toEqual([]);
  });

  it('every long hostile string: valid, no pings or links', () => {
    expect(forEachString(LONG_HOSTILE, (s, found) => void safe(s, found))).toEqual([]);
  });
});

describe.each(REGISTERED.forms)('form %s', (id) => {
  const benignFor = benignByShape((words) => {
    const benign = formOf(id, words);
    const errors = errorsOf(benign, words);
    return { slackMarks: slackMarks(readSlack(renderSlackModal(benign, errors))), counts: markdownOf(readAdaptive(renderAdaptiveForm(benign, errors, enteredOf(benign, words)))).counts };
  });

  function check(s: string, problems: Problems) {
    const long = s.length > 1000;
    const form = formOf(id, s);
    const slack = renderSlackModal(form, errorsOf(form, s));
    problems.push(...issuesOf('Slack limits (modal)', slackModalSchema.safeParse(slack)));
    const slackRead = readSlack(slack);
    problems.push(...slackProblems(slackRead));
    const errors = slackErrorsResponse(errorsOf(form, s));
    problems.push(...issuesOf('Slack limits (errors response)', slackErrorsResponseSchema.safeParse(errors)));
    for (const [field, message] of Object.entries(errors.errors)) problems.push(...badCharacters(`the Slack error for ${field}`, message));

    const adaptive = renderAdaptiveForm(form, errorsOf(form, s), enteredOf(form, s));
    problems.push(...adaptiveProblems(adaptive));
    const adaptiveRead = readAdaptive(adaptive);
    const md = markdownOf(adaptiveRead);
    problems.push(...adaptiveTextProblems(adaptiveRead, md));
    if (long) return;
    const benign = benignFor(s);
    problems.push(...sameSlackMarks(slackMarks(slackRead), benign.slackMarks));
    problems.push(...shownProblems('Slack', s, [...slackRead.markup.map(slackDecoded), ...slackRead.plain]));
    problems.push(...sameMarkdownCounts(md.counts, benign.counts));
    problems.push(...shownProblems('Teams', s, [...md.words, ...adaptiveRead.plain]));
  }

  it('every hostile string: valid, no pings or links, no formatting of its own, shown as typed', () => {
    expect(forEachString(HOSTILE, check)).toEqual([]);
  });

  it('every long hostile string: valid, no pings or links', () => {
    expect(forEachString(LONG_HOSTILE, check)).toEqual([]);
  });
});

describe('a sentence alone (an error, a refusal)', () => {
  it('Slack text and a Teams plain message, for every hostile string', () => {
    const problems = forEachString([...HOSTILE, ...LONG_HOSTILE], (s, found) => {
      const slack = renderSlackText(s);
      found.push(...slackMessageIssues(slack));
      found.push(...slackProblems({ ...empty(), markup: [slack.text], shown: [slack.text] }));
      if (s.length < 1000) found.push(...shownProblems('Slack', s, [slackDecoded(slack.text)]));
      const teams = textMessage(s);
      if (teams.textFormat !== 'plain') found.push(`a Teams message with textFormat ${JSON.stringify(teams.textFormat)}, not "plain"`);
      found.push(...badCharacters('the Teams message', teams.text));
    });
    expect(problems).toEqual([]);
  });
});

describe('what the adapters send around the cards', () => {
  it('the outbox\u2019s Slack text and Teams text, for every hostile string', () => {
    const problems = forEachString(HOSTILE, (s, found) => {
      const messages = templateMessages(s).map((m, i) => ({ ...m, outboxId: `o${i}` })) as never[];
      const slack = renderSlackOutbound(messages);
      found.push(...slackProblems({ ...empty(), markup: [slack.text], shown: [slack.text] }));
      const teams = renderTeamsOutbound(messages);
      found.push(...badCharacters('the Teams text', teams.text));
      // A soft assertion: its failure shows the difference and names the string, and the other
      // strings still run.
      expect.soft(teams.attachment.content, `the Teams attachment for ${nameOf(s)} is the digest card`).toEqual(renderAdaptiveCard(outboundMessagesCard(messages)));
    });
    expect(problems).toEqual([]);
  });

  it('a Slack answer that failed is escaped text; a Teams form\u2019s summary is plain', () => {
    expect(renderSlackAnswerText('Board <!channel> *x*')).toEqual({ text: 'Board &lt;!channel&gt; \u2217x\u2217' });
    const form = renderTeamsResult({ kind: 'form', form: 'plan.propose', values: {}, metadata: {} });
    expect(form.summary).toBe('Propose an item');
  });
});
