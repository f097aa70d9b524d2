// ModernGov: importing a council meeting and its agenda from the council's public web service.
export { fetchModernGovMeeting, normaliseModernGovBaseUrl, type FetchModernGovMeetingOptions } from './fetch-moderngov-meeting.ts';
export { parseModernGovMeeting, type ModernGovMeetingImport, type ParseModernGovOptions } from './parse-moderngov-meeting.ts';
export { readAttendanceKind, type AttendanceKind, type ModernGovAttendee } from './moderngov-attendees.ts';
