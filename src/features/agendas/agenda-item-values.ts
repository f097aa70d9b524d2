// An item's current values as the edit form shows them.
import type { AgendaItem } from '../../persistence/generated/client.ts';
import { formatPages } from './agenda-view.ts';

export function agendaItemFormValues(item: AgendaItem) {
  const links = Array.isArray(item.links) ? (item.links as { title?: unknown; url?: unknown }[]) : [];
  return {
    title: item.title,
    subPoints: item.subPoints.join('\n'),
    reportOf: item.reportOf ?? '',
    pages: formatPages(item.pageFrom, item.pageTo) ?? '',
    minutes: item.minutes == null ? '' : String(item.minutes),
    links: links.filter((l) => typeof l.url === 'string').map((l) => `${typeof l.title === 'string' ? l.title : ''} ${l.url as string}`.trim()).join('\n'),
    exempt: item.exempt,
  };
}
