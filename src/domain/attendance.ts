// Who a published meeting lists and how each person attends, as a council's system gives it
// (ModernGov's GetMeeting answer today). Kept with an imported meeting for the roster and
// apologies features; the schema reads it back from stored JSON.
import { z } from 'zod';

/** expected: due to attend; present/absent: what happened; apologies: sent apologies (with or without a substitute); substitute: attends for someone; in_attendance: an officer or guest, not a member. */
export const ATTENDANCE_KINDS = ['expected', 'present', 'apologies', 'absent', 'substitute', 'in_attendance', 'unknown'] as const;

export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];

export const publishedAttendeeSchema = z.object({
  /** As published: "Councillor Basil Curley". */
  name: z.string().min(1),
  /** Their role at this meeting, as published: "Chair", "Committee Member", "Officer". */
  role: z.string().min(1).optional(),
  /** Whom or what they represent, as published: "Metropolitan Police", "Managing Director". */
  representing: z.string().min(1).optional(),
  attendance: z.enum(ATTENDANCE_KINDS),
  /** The system's own words, when it gave any: "Present, as expected", "Apologies, sent substitute". */
  attendanceAsGiven: z.string().min(1).optional(),
});

export type PublishedAttendee = z.infer<typeof publishedAttendeeSchema>;
