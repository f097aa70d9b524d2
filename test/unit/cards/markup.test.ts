// The neutral markup, converted for each platform.
import { describe, expect, it } from 'vitest';
import { escapeSlack, toAdaptiveMarkdown, toPlain, toSlackMrkdwn } from '../../../cards/markup.ts';
import { renderAdaptiveCard } from '../../../cards/render/adaptive.ts';
import { renderSlackMessage } from '../../../cards/render/slack.ts';

describe('Slack mrkdwn', () => {
  it('turns **bold** into *bold* and keeps _italic_', () => {
    expect(toSlackMrkdwn('**Apologies** were _received_ from A')).toBe('*Apologies* were _received_ from A');
  });

  it('turns [label](url) into <url|label>', () => {
    expect(toSlackMrkdwn('See the [agenda pack](https://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=702&MId=9360).')).toBe(
      'See the <https://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=702&MId=9360|agenda pack>.',
    );
  });

  it('escapes &, < and > so no one\u2019s text can ping a channel or forge a link', () => {
    expect(escapeSlack('Fire & Rescue <!channel> <@U123> a > b')).toBe('Fire &amp; Rescue &lt;!channel&gt; &lt;@U123&gt; a &gt; b');
    expect(toSlackMrkdwn('**Police** <!channel> & [report](https://example.org/a?b=1&c=2)')).toBe('*Police* &lt;!channel&gt; &amp; <https://example.org/a?b=1&c=2|report>');
    expect(toSlackMrkdwn('[VAWG & DA <b>](https://x.org/r)')).toBe('<https://x.org/r|VAWG &amp; DA  b >');
  });

  it('keeps a link\u2019s address from breaking out of <url|label>', () => {
    expect(toSlackMrkdwn('[pack](https://x.org/a|b>c)')).toBe('<https://x.org/a%7Cb%3Ec|pack>');
  });

  it('turns "- " lists into bullets and leaves numbered lists as written', () => {
    expect(toSlackMrkdwn('Update on:\n- Performance\n- Crime trends\n1. First')).toBe('Update on:\n\u2022 Performance\n\u2022 Crime trends\n1. First');
  });

  it('shows markup in every text of a rendered message', () => {
    const { blocks } = renderSlackMessage({ title: 'T', body: [{ type: 'text', text: '**Quorum** is 3 & [rules](https://x.org)' }, { type: 'facts', facts: [{ label: 'Chair', value: '_Cllr_ Longstaff' }] }] });
    expect(JSON.stringify(blocks)).toContain('"text":"*Quorum* is 3 &amp; <https://x.org|rules>"');
    expect(JSON.stringify(blocks)).toContain('"text":"*Chair*\\n_Cllr_ Longstaff"');
  });
});

describe('Adaptive Cards markdown', () => {
  it('keeps **bold**, _italic_ and [label](url) as written', () => {
    expect(toAdaptiveMarkdown('**Police** _update_ [report](https://x.org/a?b=1&c=2)')).toBe('**Police** _update_ [report](https://x.org/a?b=1&c=2)');
  });

  it('puts lines that are not list items in their own paragraphs, and keeps lists together', () => {
    expect(toAdaptiveMarkdown('Update on:\n- Performance\n- Crime trends\nThanks')).toBe('Update on:\n\n- Performance\n- Crime trends\n\nThanks');
  });

  it('does not escape for Slack', () => {
    const card = renderAdaptiveCard({ title: 'T', body: [{ type: 'text', text: 'Fire & Rescue <b>' }] });
    expect(JSON.stringify(card)).toContain('"text":"Fire & Rescue <b>"');
  });
});

describe('plain text', () => {
  it('drops the markup, for notifications and plain_text fields', () => {
    expect(toPlain('**Police** [report](https://x.org) _update_\n- one')).toBe('Police report update\n\u2022 one');
    expect(toPlain('snake_case_name stays')).toBe('snake_case_name stays');
  });
});
