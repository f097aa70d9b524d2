// The roster, grouped by organisation: each person with their title, board role, deputy, whether
// they count towards the quorum, submit figures, or are not linked to a chat account yet.
import type { RosterPerson, RosterResult } from '../../src/features/members/list-members.ts';
import type { Card, Element, ItemEntry } from '../model.ts';
import { md, type Text } from '../text.ts';

const ROLE_WORDS: Record<RosterPerson['role'], string | undefined> = { member: undefined, observer: 'observer', officer: 'officer', adviser: 'adviser (also attends)' };

export function personLine(p: RosterPerson): Text {
  const notes = [
    ...p.boardRoles,
    ROLE_WORDS[p.role],
    p.deputy ? `deputy: ${p.deputy}` : undefined,
    p.deputyFor?.length ? `deputy for ${p.deputyFor.join(', ')}` : undefined,
    p.countsTowardsQuorum ? undefined : 'not counted for quorum',
    p.submitsFigures ? 'submits figures' : undefined,
    p.linked.slack || p.linked.teams ? undefined : 'not linked',
  ].filter((n): n is string => Boolean(n));
  return md`**${p.name}**${p.title ? `, ${p.title}` : ''}${notes.length > 0 ? ` \u00b7 ${notes.join(' \u00b7 ')}` : ''}`;
}

export function rosterCard(result: RosterResult): Card {
  const items: ItemEntry[] = result.groups.map((g) => ({
    title: md`**${g.organisation ? g.organisation.name : 'No organisation recorded'}**${g.organisation?.shortName ? ` (${g.organisation.shortName})` : ''}`,
    lines: g.people.map(personLine),
  }));
  const { people, countTowardsQuorum, notLinked } = result.counts;
  const body: Element[] = [
    ...(result.notice ? [{ type: 'text' as const, text: result.notice, tone: 'good' as const }] : []),
    {
      type: 'facts',
      facts: [
        { label: 'Quorum', value: String(result.board.quorum) },
        { label: 'Count towards quorum', value: `${countTowardsQuorum} of ${people}` },
        { label: 'Not linked to Slack or Teams', value: String(notLinked) },
      ],
    },
    items.length > 0 ? { type: 'items', items } : { type: 'text', text: 'Nobody is on the roster yet.' },
  ];
  if (notLinked > 0) body.push({ type: 'context', text: 'People not linked still count: the clerk acts for them (sends their apologies, records their figures).' });
  return { fallback: `Members of ${result.board.name}: ${people}`, title: `Members of ${result.board.name}`, body };
}
