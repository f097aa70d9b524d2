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
