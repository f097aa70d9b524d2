// What the apologies forms send back, read with zod (empty fields arrive as undefined).
import { z } from 'zod';
import { formInvalid } from '../../errors.ts';
import { REASON_MAX, SUBSTITUTE_NAME_MAX, type ReplyChange, type Substitute } from './save-reply.ts';

export const apologyValues = z.object({
  reason: z.string().trim().max(REASON_MAX, { error: `Keep the reason to ${REASON_MAX} characters or fewer.` }).optional(),
  /** A member's id: the standing deputy or a colleague of the organisation. */
  substitute: z.uuid({ error: 'Choose the substitute from the list.' }).optional(),
  /** Or the name of someone not on the roster. */
  substituteName: z.string().trim().max(SUBSTITUTE_NAME_MAX, { error: `Keep the name to ${SUBSTITUTE_NAME_MAX} characters or fewer.` }).optional(),
});

export type ApologyValues = z.output<typeof apologyValues>;

export function substituteOf(values: ApologyValues): Substitute | undefined {
  if (values.substitute && values.substituteName) {
    throw formInvalid({ substituteName: 'Choose a substitute from the list or type a name, not both.' }, 'Choose a substitute from the list or type a name, not both.');
  }
  if (values.substitute) return { kind: 'member', memberId: values.substitute };
  if (values.substituteName) return { kind: 'named', name: values.substituteName };
  return undefined;
}

export const apologyChange = (values: ApologyValues): ReplyChange => {
  const substitute = substituteOf(values);
  return { reply: 'apologies', ...(values.reason ? { reason: values.reason } : {}), ...(substitute ? { substitute } : {}) };
};

/** The clerk's form: whose reply, and which. */
export const recordValues = apologyValues.extend({
  member: z.uuid({ error: 'Choose the member from the list.' }),
  reply: z.enum(['apologies', 'attending', 'withdraw'], { error: 'Choose apologies, attending or no reply.' }),
});

/** Attendance on the day: each member in at most one list. */
const members = z.array(z.uuid({ error: 'Choose members from the list.' })).optional();
export const attendanceValues = z.object({ present: members, apologies: members, absent: members, substitute: members });

export const PASTE_MAX = 3000;

/** A pasted apologies passage. */
export const pasteValues = z.object({
  text: z.string({ error: 'Paste the apologies passage.' }).trim().min(1, { error: 'Paste the apologies passage.' }).max(PASTE_MAX, { error: `Paste up to ${PASTE_MAX.toLocaleString('en-GB')} characters at a time.` }),
});

/** The board's apologies settings (unticked boxes arrive as false). */
export const settingsValues = z.object({
  showNames: z.boolean().default(false),
  namedSubstitutesCount: z.boolean().default(false),
});

/** The fields of the form that says who a pasted passage's unmatched names are: "who_0", "who_1"... */
export const RESOLVE_FIELD = /^who_(\d{1,2})$/;
