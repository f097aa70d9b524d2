// Asking the clerk or the chair to confirm who someone is: "<platform user> says they are <member>",
// with Link and Not them. The buttons carry the request's id, never the names.
import type { TemplateData } from '../../src/features/index.ts';
import { button } from '../kit.ts';
import type { Card } from '../model.ts';
import { md } from '../text.ts';

export function linkRequestCard(data: TemplateData<'members.link-request'>): Card {
  const where = data.platform === 'slack' ? 'Slack' : 'Teams';
  const member = [data.member.name, data.member.title, data.member.organisation].filter(Boolean).join(', ');
  return {
    fallback: `${data.userName} says they are ${data.member.name}`.slice(0, 150),
    body: [
      { type: 'text', text: md`**${data.userName}** (on ${where}) says they are **${member}** on ${data.boardName}.` },
      { type: 'context', text: 'They used Quorum in the board\u2019s channel and are not linked yet. Link them only if you know this account is theirs.' },
      {
        type: 'actions',
        actions: [
          button('members.link.confirm', 'Link', { requestId: data.requestId }, { style: 'primary' }),
          button('members.link.refuse', 'Not them', { requestId: data.requestId }),
        ],
      },
    ],
  };
}
