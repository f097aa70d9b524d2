// Hostile text through every card the registry can build (every result kind, every outbox
// template, every form, and a digest), on both platforms. For each: the payload is still valid
// (Slack's limits, Microsoft's own Adaptive Card parser); nothing pings (<!channel>, <!here>,
// <@U…>, <#C…>); the only links are the ones the fixtures gave the cards; the person's text adds
// no formatting (Slack: no more *, _, ~, `, emoji codes, quotes or lists than the same card with
// plain words; Teams: markdown read by markdown-it, a CommonMark parser, has the same emphasis,
// lists and links as with plain words, and no code, heading, quote, rule, table, image or HTML);
// and the text is shown as typed (unescaped and read back, each line of it is there).
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
import { HOSTILE, LONG_HOSTILE, OUR_URLS, RESULT_FIXTURES, templateMessages } from '../../support/hostile-text.ts';

const BENIGN = 'Plain words';
const markdown = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof markdown.parse>[number];

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

// The checks below run over thousands of strings per card. Each collects what it finds wrong as a
// sentence and the test asserts once that there is none (`expect(problems).toEqual([])`): the
// failure lists every problem, and the suite does not pay for an assertion per string.
type Problems = string[];
const cut = (text: string) => JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);

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

function cleanProblems(read: Read): Problems {
  return [
    ...read.shown.filter((text) => BAD_CHARACTERS.test(text)).map((text) => `a control character, a direction override or half a surrogate pair in ${cut(text)}`),
    ...read.urls.filter((url) => !OUR_URLS.includes(url)).map((url) => `a link button to ${url}`),
  ];
}

/** Slack links the bot made: <https://…|label> with one of our addresses. */
const SLACK_LINK = /<(https?:\/\/[^|>\s]+)\|[^<>]*>/g;

function slackMarks(read: Read) {
  const all = read.markup.join('\n');
  return {
    emphasis: (all.match(/[*_~`]/g) ?? []).length,
    emoji: ([...read.markup, ...read.plain].join('\n').match(/:[a-z0-9_+'-]+:/gi) ?? []).length,
    links: (all.match(SLACK_LINK) ?? []).length,
  };
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

function expectSafeSlack(read: Read & { problems?: Problems }): void {
  expect(slackProblems(read)).toEqual([]);
}

function expectSameSlackMarks(hostile: Read, benign: Read): void {
  expect(slackMarks(hostile)).toEqual(slackMarks(benign));
}

const FORBIDDEN_TOKENS = ['code_inline', 'code_block', 'fence', 'heading_open', 'blockquote_open', 'ordered_list_open', 'hr', 's_open', 'table_open', 'html_inline', 'html_block', 'image'];
const COUNTED_TOKENS = ['strong_open', 'em_open', 'bullet_list_open', 'list_item_open', 'link_open'];

function tokensOf(read: Read): Token[] {
  const out: Token[] = [];
  const walk = (tokens: Token[]) => tokens.forEach((t) => (out.push(t), t.children && walk(t.children)));
  for (const text of read.markup) walk(markdown.parse(text, {}));
  return out;
}

function expectSafeAdaptive(read: Read): Token[] {
  const problems = cleanProblems(read);
  const tokens = tokensOf(read);
  for (const t of tokens) {
    if (FORBIDDEN_TOKENS.includes(t.type)) problems.push(`markdown read ${cut(String(t.content || t.markup))} as ${t.type}`);
    if (t.type === 'link_open' && !OUR_URLS.includes(String(t.attrGet('href')))) problems.push(`a markdown link to ${t.attrGet('href')}`);
  }
  expect(problems).toEqual([]);
  return tokens;
}

const counts = (tokens: Token[]) => Object.fromEntries(COUNTED_TOKENS.map((type) => [type, tokens.filter((t) => t.type === type).length]));

/** Each line of what was typed is there, as typed (less what escape.ts removes on purpose). */
function expectShown(s: string, texts: string[]): void {
  const all = visible(texts.join('\n')).replace(/\s+/g, ' ');
  const missing = cleanText(s)
    .split('\n')
    .map((line) => visible(line).replace(/\s+/g, ' ').trim())
    .filter((want) => want && !all.includes(want))
    .map((want) => `${cut(want)} is not shown as typed`);
  expect(missing).toEqual([]);
}

/** The text markdown-it reads, entities decoded: what Teams shows. */
const markdownWords = (tokens: Token[]) => tokens.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content);

// --- Every card ------------------------------------------------------------------------------

interface Built {
  name: string;
  card: (s: string) => Card;
}

const cards: Built[] = [
  ...REGISTERED.results.map((kind) => ({ name: `result ${kind}`, card: (s: string) => resultCard(RESULT_FIXTURES[kind](s) as never, { platform: 'slack' }) })),
  ...REGISTERED.results.map((kind) => ({ name: `result ${kind} (Teams)`, card: (s: string) => resultCard(RESULT_FIXTURES[kind](s) as never, { platform: 'teams' }) })),
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

/** What the same card reads with plain words, built once per shape of lines (most hostile strings
 * are one line, so a card is built with plain words a few times, not once per string). */
function benignByShape(build: (words: string) => { slack: Read; tokens: Token[] }): (s: string) => { slack: Read; tokens: Token[] } {
  const built = new Map<string, { slack: Read; tokens: Token[] }>();
  return (s) => {
    const words = benignLike(s);
    let found = built.get(words);
    if (!found) {
      found = build(words);
      built.set(words, found);
    }
    return found;
  };
}

describe.each(cards)('$name', ({ card }) => {
  const benignFor = benignByShape((words) => {
    const benign = card(words);
    return { slack: readSlack(renderSlackMessage(benign)), tokens: tokensOf(readAdaptive(renderAdaptiveCard(benign))) };
  });

  it('has no markup of ours written as a plain string (it would show as look-alike asterisks)', () => {
    const built = card(BENIGN);
    const shown = [...readSlack(renderSlackMessage(built)).markup, ...readAdaptive(renderAdaptiveCard(built)).markup].join('\n');
    expect(shown).not.toMatch(/[\u2217\u02CD\u223C\u02CB]/);
  });

  it.each(HOSTILE.map((s) => [JSON.stringify(s).slice(0, 60), s] as const))('%s', (_, s) => {
    const { slack: benignSlack, tokens: benignTokens } = benignFor(s);
    const built = card(s);
    const slack = renderSlackMessage(built);
    expect(slackMessageSchema.safeParse(slack).error?.issues ?? []).toEqual([]);
    const slackRead = readSlack(slack);
    slackRead.markup.push(slack.text);
    expectSafeSlack(slackRead);
    expectSameSlackMarks(readSlack(slack), benignSlack);
    expectShown(s, [...slackRead.markup.map(slackDecoded), ...slackRead.plain]);

    const adaptive = renderAdaptiveCard(built);
    expect(validateAdaptiveCard(adaptive)).toEqual([]);
    const adaptiveRead = readAdaptive(adaptive);
    const tokens = expectSafeAdaptive(adaptiveRead);
    expect(counts(tokens)).toEqual(counts(benignTokens));
    expectShown(s, [...markdownWords(tokens), ...adaptiveRead.plain]);

    const summary = teamsSummary(built);
    expect(summary).not.toMatch(BAD_CHARACTERS);
  });

  it.each(LONG_HOSTILE.map((s, i) => [`long #${i}`, s] as const))('%s', (_, s) => {
    const built = card(s);
    const slack = renderSlackMessage(built);
    expect(slackMessageSchema.safeParse(slack).error?.issues ?? []).toEqual([]);
    const slackRead = readSlack(slack);
    slackRead.markup.push(slack.text);
    expectSafeSlack(slackRead);
    const adaptive = renderAdaptiveCard(built);
    expect(validateAdaptiveCard(adaptive)).toEqual([]);
    expectSafeAdaptive(readAdaptive(adaptive));
  });
});

describe.each(REGISTERED.forms)('form %s', (id) => {
  const benignFor = benignByShape((words) => {
    const benign = formOf(id, words);
    const errors = errorsOf(benign, words);
    return { slack: readSlack(renderSlackModal(benign, errors)), tokens: tokensOf(readAdaptive(renderAdaptiveForm(benign, errors, enteredOf(benign, words)))) };
  });

  it.each([...HOSTILE, ...LONG_HOSTILE].map((s) => [JSON.stringify(s).slice(0, 60), s] as const))('%s', (_, s) => {
    const long = s.length > 1000;
    const form = formOf(id, s);
    const slack = renderSlackModal(form, errorsOf(form, s));
    expect(slackModalSchema.safeParse(slack).error?.issues ?? []).toEqual([]);
    const slackRead = readSlack(slack);
    expectSafeSlack(slackRead);
    const errors = slackErrorsResponse(errorsOf(form, s));
    expect(slackErrorsResponseSchema.safeParse(errors).success).toBe(true);
    for (const message of Object.values(errors.errors)) expect(message).not.toMatch(BAD_CHARACTERS);

    const adaptive = renderAdaptiveForm(form, errorsOf(form, s), enteredOf(form, s));
    expect(validateAdaptiveCard(adaptive)).toEqual([]);
    const adaptiveRead = readAdaptive(adaptive);
    const tokens = expectSafeAdaptive(adaptiveRead);
    if (long) return;
    const { slack: benignSlack, tokens: benignTokens } = benignFor(s);
    expectSameSlackMarks(slackRead, benignSlack);
    expectShown(s, [...slackRead.markup.map(slackDecoded), ...slackRead.plain]);
    expect(counts(tokens)).toEqual(counts(benignTokens));
    expectShown(s, [...markdownWords(tokens), ...adaptiveRead.plain]);
  });
});

describe('a sentence alone (an error, a refusal)', () => {
  it.each([...HOSTILE, ...LONG_HOSTILE].map((s) => [JSON.stringify(s).slice(0, 60), s] as const))('Slack text and a Teams plain message: %s', (_, s) => {
    const slack = renderSlackText(s);
    expect(slackMessageSchema.safeParse(slack).success).toBe(true);
    expectSafeSlack({ ...empty(), markup: [slack.text], shown: [slack.text] });
    if (s.length < 1000) expectShown(s, [slackDecoded(slack.text)]);
    const teams = textMessage(s);
    expect(teams.textFormat).toBe('plain');
    expect(teams.text).not.toMatch(BAD_CHARACTERS);
  });
});

describe('what the adapters send around the cards', () => {
  it.each(HOSTILE.map((s) => [JSON.stringify(s).slice(0, 60), s] as const))('the outbox\u2019s Slack text and Teams text: %s', (_, s) => {
    const messages = templateMessages(s).map((m, i) => ({ ...m, outboxId: `o${i}` })) as never[];
    const slack = renderSlackOutbound(messages);
    expectSafeSlack({ ...empty(), markup: [slack.text], shown: [slack.text] });
    const teams = renderTeamsOutbound(messages);
    expect(teams.text).not.toMatch(BAD_CHARACTERS);
    expect(teams.attachment.content).toEqual(renderAdaptiveCard(outboundMessagesCard(messages)));
  });

  it('a Slack answer that failed is escaped text; a Teams form\u2019s summary is plain', () => {
    expect(renderSlackAnswerText('Board <!channel> *x*')).toEqual({ text: 'Board &lt;!channel&gt; \u2217x\u2217' });
    const form = renderTeamsResult({ kind: 'form', form: 'plan.propose', values: {}, metadata: {} });
    expect(form.summary).toBe('Propose an item');
  });
});
