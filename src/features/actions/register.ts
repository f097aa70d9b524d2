// Actions: recorded against a meeting and an agenda item, owned by members of the roster, marked
// done, updated and given more time with buttons, and managed by the clerk and the chair.
import { z } from 'zod';
import { optionalDate } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { decideExtension } from './decide-extension.ts';
import { actionCreateForm, actionDropForm, actionExtendForm, actionMoreTimeForm, actionReassignForm, actionUpdateForm } from './forms.ts';
import { actionFilterArgs, listActions } from './list-actions.ts';
import { markActionDone } from './mark-action-done.ts';
import { openActionForm } from './open-action-form.ts';
import { CHANGE_FORMS, openChangeForm } from './open-change-form.ts';
import { actionCardTemplate, actionChaseTemplate } from './templates.ts';
import { chaseNow } from './chase-actions.ts';
import { actionChaseJob } from './chase-job.ts';
import { noArgs } from '../../kernel/args.ts';
import { viewAction } from './view-action.ts';
import { MESSAGE_TEXT_MAX, openActionFromMessage } from './open-action-from-message.ts';
import { minutesImportButtons, minutesImportCommands, minutesImportForms } from './minutes-import.ts';
import { myActionsCommands } from './list-my-actions.ts';
import { actionReportButtons, actionReportCommands, actionReportForms, actionReportTemplates } from './register-reports.ts';

export const actions = defineFeature({
  name: 'actions',
  commands: [
    command({
      words: 'action new',
      usage: 'action new [YYYY-MM-DD]',
      description: 'Record an action from the latest meeting (or the one on that date): owners, item, due date.',
      who: 'clerks',
      args: optionalDate,
      run: (deps, input) => openActionForm(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'actions',
      usage: 'actions [open|overdue|done|dropped|all] [YYYY-MM-DD] [owner]',
      description: 'The board\u2019s actions, by status, meeting and owner (members see their own).',
      who: 'everyone',
      args: actionFilterArgs,
      run: (deps, input) => listActions(deps, { ...input, filter: input.args }),
    }),
    command({
      words: 'actions chase',
      usage: 'actions chase',
      description: 'Chase every owner of an open action now: one message each (once a day).',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => chaseNow(deps, input),
    }),
    ...minutesImportCommands,
    ...myActionsCommands,
    ...actionReportCommands,
  ],
  buttons: [
    button({
      id: 'action.view',
      payload: z.object({ actionId: z.uuid() }),
      run: (deps, input) => viewAction(deps, { ...input, actionId: input.payload.actionId }),
    }),
    button({
      id: 'action.done',
      payload: z.object({ actionId: z.uuid() }),
      run: (deps, input) => markActionDone(deps, { ...input, actionId: input.payload.actionId }),
    }),
    button({
      id: 'action.form',
      payload: z.object({ actionId: z.uuid(), form: z.enum(CHANGE_FORMS) }),
      run: (deps, input) => openChangeForm(deps, { ...input, ...input.payload }),
    }),
    button({
      id: 'action.decide',
      payload: z.object({ extensionId: z.uuid(), decision: z.enum(['accept', 'decline']) }),
      run: (deps, input) => decideExtension(deps, { ...input, ...input.payload }),
    }),
    // Not a card's button: the Slack message shortcut and the Teams message action, with the
    // message's text as plain text.
    button({
      id: 'action.from-message',
      payload: z.object({ text: z.string().max(MESSAGE_TEXT_MAX) }),
      run: (deps, input) => openActionFromMessage(deps, { ...input, text: input.payload.text }),
    }),
    ...minutesImportButtons,
    ...actionReportButtons,
  ],
  templates: [actionCardTemplate, actionChaseTemplate, ...actionReportTemplates],
  jobs: (ctx) => [actionChaseJob(ctx)],
  forms: [actionCreateForm, actionUpdateForm, actionMoreTimeForm, actionReassignForm, actionExtendForm, actionDropForm, ...minutesImportForms, ...actionReportForms],
});
