// Outbox templates for tests of the delivery machinery itself: any data, any name. The dispatcher
// is given them with the features' own, as the service gives it the features' templates.
import { z } from 'zod';
import { TEMPLATES } from '../../src/core.ts';
import { template, type TemplateSpec } from '../../src/kernel/feature.ts';

export const testTemplate = (id: string) => template(id, z.record(z.string(), z.unknown()));

/** The features' templates and these test ones. */
export function withTestTemplates(...ids: string[]): ReadonlyMap<string, TemplateSpec> {
  return new Map<string, TemplateSpec>([...TEMPLATES, ...ids.map((id) => [id, testTemplate(id)] as const)]);
}

/** The data of an "agenda changed" notice, version n, saying `change`: for delivery tests. */
export const agendaChangedData = (n: number, change = `Change ${n}`) => ({
  meeting: {
    id: '00000000-0000-4000-8000-000000000001',
    boardName: 'SCPB',
    title: 'SCPB',
    status: 'agenda_published' as const,
    version: n,
    startsAt: '2030-12-06T10:00:00.000Z',
    timezone: 'Europe/London',
    date: 'Friday 6 December 2030',
    time: '10:00',
    short: `Fri ${n} Dec 2030, 10:00`,
    durationMinutes: 120,
  },
  changes: [change],
});
