// What a feature's cards declare: a card for each of its results, a definition for each of its
// forms, a card for each of its outbox templates. cards/registry.ts checks that together they
// cover every result, form and template of every feature, exactly.
import type { FormId, Result, ResultKind, TemplateData, TemplateId } from '../src/features/index.ts';
import type { CardContext } from './context.ts';
import type { FormDefinition } from './kit.ts';
import type { Card } from './model.ts';

export type CardKind = Exclude<ResultKind, 'form'>;
export type ResultCards = { [K in CardKind]: (result: Extract<Result, { kind: K }>, ctx: CardContext) => Card };
export type FormDefinitions = { [K in FormId]: FormDefinition<K> };
export type TemplateCards = { [K in TemplateId]: (data: TemplateData<K>) => Card };

export interface FeatureCards {
  results?: Partial<ResultCards>;
  forms?: Partial<FormDefinitions>;
  templates?: Partial<TemplateCards>;
}
