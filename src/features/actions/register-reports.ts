// Reports on a board's actions: matters arising (for the clerk, the board channel, and with each
// agenda reminder) and the action log as CSV; an owner's snooze of an action's reminders, and the
// board's chase rule. Spread into the actions feature's register (register.ts).
import { z } from 'zod';
import { noArgs } from '../../kernel/args.ts';
import { button, command } from '../../kernel/feature.ts';
import { attachMattersArising } from './attach-matters-arising.ts';
import { chaseRuleForm, openChaseRuleForm } from './chase-rule.ts';
import { exportActions, exportArgs } from './export-actions.ts';
import { mattersArisingTemplate } from './report-templates.ts';
import { actionSnoozeForm, openSnoozeForm } from './snooze-form.ts';
import { mattersArisingArgs, postMattersArising, showMattersArising } from './show-matters-arising.ts';

export const actionReportCommands = [
  command({
    words: 'matters arising',
    usage: 'matters arising [YYYY-MM-DD] [post]',
    description: 'Actions from earlier meetings for the next meeting (or that date): done since the last one, open ones carried forward. "post" sends it to the board channel.',
    who: 'clerks',
    args: mattersArisingArgs,
    run: (deps, input) => showMattersArising(deps, input),
  }),
  command({
    words: 'actions export',
    usage: 'actions export [YYYY-MM-DD | YYYY-MM-DD..YYYY-MM-DD]',
    description: 'The action log as a CSV file: the actions of the meeting on that date, of the meetings in a date range, or all.',
    who: 'clerks',
    args: exportArgs,
    run: (deps, input) => exportActions(deps, input),
  }),
  command({
    words: 'actions chase rule',
    usage: 'actions chase rule',
    description: 'How owners are chased: days before the due date, how often while overdue, how many times, whose bank holidays.',
    who: 'clerks',
    args: noArgs,
    run: (deps, input) => openChaseRuleForm(deps, input),
  }),
];

export const actionReportButtons = [
  button({
    id: 'action.matters-post',
    payload: z.object({ meetingId: z.uuid() }),
    run: (deps, input) => postMattersArising(deps, { ...input, meetingId: input.payload.meetingId }),
  }),
  button({
    id: 'action.matters-attach',
    payload: z.object({ meetingId: z.uuid() }),
    run: (deps, input) => attachMattersArising(deps, { ...input, meetingId: input.payload.meetingId }),
  }),
  button({
    id: 'action.snooze',
    payload: z.object({ actionId: z.uuid() }),
    run: (deps, input) => openSnoozeForm(deps, { ...input, actionId: input.payload.actionId }),
  }),
];

export const actionReportForms = [actionSnoozeForm, chaseRuleForm] as const;
export const actionReportTemplates = [mattersArisingTemplate] as const;
