// A chat message as an action's description: Slack's mrkdwn and Teams' HTML read as plain text,
// spaces tidied, cut to the description's 1,000 characters.
import { describe, expect, it } from 'vitest';
import { plainTextOfMessage } from '../../../adapters/slack/translate.ts';
import { plainTextOfTeamsMessage } from '../../../adapters/teams/message-actions.ts';
import { descriptionFromMessage } from '../../../src/features/actions/open-action-from-message.ts';

describe('a Slack message as plain text', () => {
  it('reads mentions, channels, special mentions and links as a person reads them', () => {
    expect(plainTextOfMessage('<@U1|amy> and <@U2> in <#C1|board>: <!here> <!subteam^S1|@police> see <https://x.org/a|the report> or <https://x.org/b>')).toBe(
      '@amy and @U2 in #board: @here @police see the report (https://x.org/a) or https://x.org/b',
    );
  });

  it('undoes Slack\u2019s three escapes once, &amp; last', () => {
    expect(plainTextOfMessage('A &amp; B &lt;b&gt; &amp;lt;')).toBe('A & B <b> &lt;');
  });
});

describe('a Teams message as plain text', () => {
  it('reads HTML paragraphs as lines and entities as characters; plain text stays as it is', () => {
    expect(plainTextOfTeamsMessage('<div><p>Bring the figures &amp; the plan</p><p><at>Richard</at> leads</p></div>', 'html')).toBe('Bring the figures & the plan\nRichard leads');
    expect(plainTextOfTeamsMessage('1 < 2 & <b>not html</b>', 'text')).toBe('1 < 2 & <b>not html</b>');
  });
});

describe('a message as a description', () => {
  it('tidies spaces and blank lines', () => {
    expect(descriptionFromMessage('  Bring\t the  figures \r\n\r\n\r\n\r\nto the board  ')).toEqual({ description: 'Bring the figures\n\nto the board', cut: false });
  });

  it('cuts a long message to 1,000 characters, ending with an ellipsis', () => {
    const { description, cut } = descriptionFromMessage('word '.repeat(400));
    expect(cut).toBe(true);
    expect(description.length).toBeLessThanOrEqual(1000);
    expect(description.endsWith('word\u2026')).toBe(true);
  });
});
