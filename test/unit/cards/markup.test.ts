// Card text, converted for each platform: our rich text (md`...` and its helpers) becomes each
// platform's markup; literal text is shown as written.
import { describe, expect, it } from 'vitest';
import { slackText } from '../../../cards/escape.ts';
import { toAdaptiveMarkdown, toPlain, toSlackMrkdwn } from '../../../cards/markup.ts';
import { renderAdaptiveCard } from '../../../cards/render/adaptive.ts';
import { renderSlackMessage } from '../../../cards/render/slack.ts';
import { bullets, em, inlineLink, joined, lines, md, strong } from '../../../cards/text.ts';

const ZWSP = '\u200B';

describe('Slack mrkdwn', () => {
  it('writes our bold and italics as *bold* and _italic_', () => {
    expect(toSlackMrkdwn(md`**Apologies** were ${em('received')} from A`)).toBe('*Apologies* were _received_ from A');
  });

  it('writes a link we made as <url|label>', () => {
    expect(toSlackMrkdwn(md`See the ${inlineLink('agenda pack', 'https://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=702&MId=9360')}.`)).toBe(
      'See the <https://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=702&MId=9360|agenda pack>.',
    );
  });

  it('escapes &, < and > so no one\u2019s text can ping a channel or forge a link', () => {
    expect(slackText('Fire & Rescue <!channel> <@U123> a > b')).toBe('Fire &amp; Rescue &lt;!channel&gt; &lt;@U123&gt; a &gt; b');
    expect(toSlackMrkdwn(md`**Police** ${'<!channel> &'} ${inlineLink('report', 'https://example.org/a?b=1&c=2')}`)).toBe('*Police* &lt;!channel&gt; &amp; <https://example.org/a?b=1&c=2|report>');
    expect(toSlackMrkdwn(inlineLink('VAWG & DA <b>', 'https://x.org/r'))).toBe('<https://x.org/r|VAWG &amp; DA &lt;b&gt;>');
  });

  it('keeps a link\u2019s address from breaking out of <url|label>, and links only http(s)', () => {
    expect(toSlackMrkdwn(inlineLink('pack', 'https://x.org/a|b>c'))).toBe('<https://x.org/a%7Cb%3Ec|pack>');
    expect(toSlackMrkdwn(inlineLink('a|b', 'https://x.org/'))).toBe('<https://x.org/|a\u2223b>');
    expect(toSlackMrkdwn(inlineLink('run me', 'javascript:alert(1)'))).toBe('run me');
    expect(toSlackMrkdwn(inlineLink('council', 'https://council.gov.uk@evil.example/'))).toBe('council');
  });

  it('writes bullets as "• ", and leaves a typed list, quote or formatting as typed', () => {
    expect(toSlackMrkdwn(md`Update on:\n${bullets(['Performance', 'Crime trends'])}`)).toBe('Update on:\n\u2022 Performance\n\u2022 Crime trends');
    expect(toSlackMrkdwn('*Police* _update_ ~old~ `x`')).toBe('\u2217Police\u2217 \u02CDupdate\u02CD \u223Cold\u223C \u02CBx\u02CB');
    expect(toSlackMrkdwn('- one\n> two')).toBe('\u00AD- one\n\u00AD&gt; two');
  });

  it('shows rich text in every text of a rendered message, and literal text literally', () => {
    const { blocks } = renderSlackMessage({ title: 'T', body: [{ type: 'text', text: md`**Quorum** is 3 & ${inlineLink('rules', 'https://x.org')}` }, { type: 'facts', facts: [{ label: 'Chair', value: md`${em('Cllr')} Longstaff` }] }] });
    expect(JSON.stringify(blocks)).toContain('"text":"*Quorum* is 3 &amp; <https://x.org/|rules>"');
    expect(JSON.stringify(blocks)).toContain('"text":"*Chair*\\n_Cllr_ Longstaff"');
    const literal = renderSlackMessage({ body: [{ type: 'text', text: '**Quorum** [rules](https://x.org)' }] });
    expect(JSON.stringify(literal.blocks)).toContain('\u2217\u2217Quorum\u2217\u2217 [rules](https://x.org)');
  });
});

describe('Adaptive Cards markdown', () => {
  it('writes our **bold**, _italic_ and [label](url)', () => {
    expect(toAdaptiveMarkdown(md`**Police** ${em('update')} ${inlineLink('report', 'https://x.org/a?b=1&c=2')}`)).toBe('**Police** _update_ [report](https://x.org/a?b=1&c=2)');
  });

  it('puts lines that are not list items in their own paragraphs, and keeps lists together', () => {
    expect(toAdaptiveMarkdown(lines('Update on:', bullets(['Performance', 'Crime trends']), 'Thanks'))).toBe('Update on:\n\n- Performance\n- Crime trends\n\nThanks');
  });

  it('shows typed markup as typed', () => {
    expect(toAdaptiveMarkdown('[click here](https://evil.example)')).toBe(`${ZWSP}[click here]${ZWSP}(https:\u2060//evil.example)`);
    expect(toAdaptiveMarkdown('1. list')).toBe(`${ZWSP}1. list`);
    expect(toAdaptiveMarkdown(strong('1. list'))).toBe('**1. list**');
  });

  it('does not escape for Slack', () => {
    const card = renderAdaptiveCard({ title: 'T', body: [{ type: 'text', text: 'Fire & Rescue <b>' }] });
    expect(JSON.stringify(card)).toContain(`"text":"Fire & Rescue <${ZWSP}b>"`);
  });
});

describe('plain text', () => {
  it('is the words alone, for notifications and plain_text fields', () => {
    expect(toPlain(lines(md`**Police** ${inlineLink('report', 'https://x.org')} ${em('update')}`, bullets(['one'])))).toBe('Police report update\n\u2022 one');
    expect(toPlain('snake_case_name stays')).toBe('snake_case_name stays');
  });

  it('joins texts on a line, leaving out the empty ones', () => {
    expect(toPlain(joined(' \u00b7 ', ['a', '', undefined, strong('b')]))).toBe('a \u00b7 b');
  });

  it('md refuses a ** it does not close', () => {
    expect(() => md`**open`).toThrow(/not closed/);
  });
});
