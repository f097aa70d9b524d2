// The action forms: recording one, an update, more time, and the clerk's reassign, new date, drop.
// Each carries the action (or meeting) id and a key, so a repeated submission changes nothing.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { actionUpdateValues, addActionUpdate } from './add-action-update.ts';
import { dropAction, dropValues, extendAction, extendValues, reassignAction, reassignValues } from './manage-action.ts';
import { actionFormCheck, actionFormValues, recordAction } from './record-action.ts';
import { moreTimeValues, requestMoreTime } from './request-more-time.ts';

const onAction = z.object({ actionId: z.uuid(), key: z.uuid() });

export const actionCreateForm = form({
  id: 'action.create',
  metadata: z.object({ meetingId: z.uuid(), key: z.uuid() }),
  values: (deps, metadata) => actionFormValues(deps, metadata),
  check: actionFormCheck,
  run: (deps, input) => recordAction(deps, { ...input, meetingId: input.metadata.meetingId, key: input.metadata.key, values: input.values }),
});

export const actionUpdateForm = form({
  id: 'action.update',
  metadata: onAction,
  values: actionUpdateValues,
  run: (deps, input) => addActionUpdate(deps, { ...input, ...input.metadata, text: input.values.text }),
});

export const actionMoreTimeForm = form({
  id: 'action.more-time',
  metadata: onAction,
  values: (deps, metadata) => moreTimeValues(deps, metadata),
  run: (deps, input) => requestMoreTime(deps, { ...input, ...input.metadata, ...input.values }),
});

export const actionReassignForm = form({
  id: 'action.reassign',
  metadata: onAction,
  values: (deps, metadata) => reassignValues(deps, metadata),
  run: (deps, input) => reassignAction(deps, { ...input, ...input.metadata, ...input.values }),
});

export const actionExtendForm = form({
  id: 'action.extend',
  metadata: onAction,
  values: (deps, metadata) => extendValues(deps, metadata),
  run: (deps, input) => extendAction(deps, { ...input, ...input.metadata, ...input.values }),
});

export const actionDropForm = form({
  id: 'action.drop',
  metadata: onAction,
  values: dropValues,
  run: (deps, input) => dropAction(deps, { ...input, ...input.metadata, ...input.values }),
});
