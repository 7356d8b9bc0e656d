import { z } from 'zod';
import { id, isoDate, optionalText, requiredText } from './common.js';
import {
  ATTENDANCE_SOURCES,
  ATTENDANCE_STATUSES,
  MEETING_FORMS,
  MEETING_STATUSES,
} from '../domain/branch-life/meeting-rules.js';

const version = z.number({ error: 'Thiếu phiên bản dữ liệu: hãy tải lại trang.' }).int().positive();
const year = z.coerce
  .number({ error: 'Năm phải là số.' })
  .int({ error: 'Năm phải là số nguyên.' })
  .min(2000, { error: 'Năm phải từ 2000 trở đi.' })
  .max(2100, { error: 'Năm không được sau 2100.' });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Kỳ sinh hoạt phải có dạng yyyy-mm.' });
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Giờ bắt đầu phải có dạng HH:MM (ví dụ 19:30).' })
  .nullable()
  .optional();

/** Form of a meeting (hình thức sinh hoạt). */
export const meetingForm = z.enum(MEETING_FORMS, { error: 'Hãy chọn một hình thức sinh hoạt trong danh sách.' });
/** planned, held, cancelled. */
export const meetingStatus = z.enum(MEETING_STATUSES);
/** present, excused (vắng có phép), absent (vắng không phép). */
export const attendanceStatus = z.enum(ATTENDANCE_STATUSES, {
  error: 'Trạng thái điểm danh phải là có mặt, vắng có phép hoặc vắng không phép.',
});

/** `POST /api/units/:id/meeting-plan`: plan a branch's year. */
export const planYearBody = z.object({
  year,
  /** Day of the month the meetings are planned on (default 15; clamped to the month's length). */
  dayOfMonth: z.number().int().min(1, { error: 'Ngày trong tháng từ 1 đến 31.' }).max(31).optional(),
});

/** A meeting as listed. */
export const meetingSummary = z.object({
  id,
  unitId: id,
  period,
  status: meetingStatus,
  plannedOn: isoDate.nullable(),
  heldOn: isoDate.nullable(),
  startsAt: z.string().nullable(),
  place: z.string().nullable(),
  form: meetingForm,
  topic: z.string().nullable(),
  expectedCount: z.number().int(),
  presentCount: z.number().int(),
  excusedCount: z.number().int(),
  absentCount: z.number().int(),
  version: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

/** `GET /api/meetings?unitId&year` (and keyset `after`, `limit` for a higher unit). */
export const meetingListQuery = z.object({
  unitId: id,
  year,
  /** Cursor of the next page of branches (higher units). */
  after: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** One branch of a higher unit's overview. */
export const branchMeetingRow = z.object({
  unitId: id,
  unitName: z.string(),
  parentName: z.string().nullable(),
  everyMonths: z.number().int(),
  /** Periods of the year that have fully passed (all of them for a past year). */
  required: z.number().int(),
  /** Periods with a held meeting. */
  held: z.number().int(),
  planned: z.number().int(),
  lastHeldOn: isoDate.nullable(),
  /** Average attendance of held meetings, percent. */
  averageAttendance: z.number().nullable(),
});
export type BranchMeetingRow = z.infer<typeof branchMeetingRow>;

/** The list of a branch (its meetings) or of a higher unit (its branches). */
export const meetingList = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('branch'),
    unitId: id,
    unitName: z.string(),
    year: z.number().int(),
    closed: z.boolean(),
    remote: z.boolean(),
    everyMonths: z.number().int(),
    /** Period first months required in the year. */
    periods: z.array(period),
    canWrite: z.boolean(),
    items: z.array(meetingSummary),
  }),
  z.object({
    kind: z.literal('units'),
    unitId: id,
    unitName: z.string(),
    year: z.number().int(),
    total: z.number().int(),
    next: z.string().nullable(),
    items: z.array(branchMeetingRow),
  }),
]);
export type MeetingList = z.infer<typeof meetingList>;

/** `POST /api/meetings`: an ad-hoc meeting in a period. */
export const createMeetingBody = z.object({
  unitId: id,
  period,
  plannedOn: isoDate.nullable().optional(),
  startsAt: time,
  place: optionalText('Địa điểm', 300),
  form: meetingForm.optional(),
  topic: optionalText('Chủ đề', 500),
});

/** `PATCH /api/meetings/:id`: plan fields, or record as held when `heldOn` is given. */
export const patchMeetingBody = z.object({
  version,
  plannedOn: isoDate.nullable().optional(),
  /** Setting it records the meeting as held (never after today). */
  heldOn: isoDate.optional(),
  startsAt: time,
  place: optionalText('Địa điểm', 300),
  form: meetingForm.optional(),
  topic: optionalText('Chủ đề', 500),
  /** A member of the branch who chaired, or `chairName` for someone else. */
  chairMemberId: id.nullable().optional(),
  chairName: optionalText('Người chủ trì', 200),
  minutes: optionalText('Biên bản', 20000),
  criticism: optionalText('Phê bình và tự phê bình', 10000),
  resolutions: optionalText('Nghị quyết', 10000),
});

/** `POST /api/meetings/:id/cancel`. */
export const cancelMeetingBody = z.object({ version, reason: requiredText('Lý do hủy', 500) });

/** A file attached to a meeting. */
export const meetingAttachment = z.object({
  id,
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type MeetingAttachment = z.infer<typeof meetingAttachment>;

/** A superior cadre invited to a meeting. */
export const meetingInvitation = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  unitId: id,
  unitName: z.string(),
  createdAt: z.string(),
});
export type MeetingInvitation = z.infer<typeof meetingInvitation>;

/** One meeting with its record, attachments and invitations. */
export const meetingDetail = meetingSummary.extend({
  unitName: z.string(),
  branchClosed: z.boolean(),
  chairMemberId: id.nullable(),
  chairName: z.string().nullable(),
  chairMemberName: z.string().nullable(),
  minutes: z.string().nullable(),
  criticism: z.string().nullable(),
  resolutions: z.string().nullable(),
  cancelReason: z.string().nullable(),
  canWrite: z.boolean(),
  /** Attendance may be recorded (held, or taking place today). */
  attendanceOpen: z.boolean(),
  /** A QR check-in code may be shown (held today or planned for today). */
  checkInOpen: z.boolean(),
  attachments: z.array(meetingAttachment),
  invitations: z.array(meetingInvitation),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

/** One member on a meeting's roster. */
export const rosterEntry = z.object({
  memberId: id,
  fullName: z.string(),
  birthDate: isoDate.nullable(),
  /** Under temporary participation hosted by the branch. */
  hosted: z.boolean(),
  status: attendanceStatus.nullable(),
  source: z.enum(ATTENDANCE_SOURCES).nullable(),
  checkedInAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

/** `GET /api/meetings/:id/attendance`. */
export const meetingAttendance = z.object({
  meetingId: id,
  version: z.number().int(),
  open: z.boolean(),
  canWrite: z.boolean(),
  expectedCount: z.number().int(),
  presentCount: z.number().int(),
  excusedCount: z.number().int(),
  absentCount: z.number().int(),
  /** Check-ins by QR so far. */
  qrCount: z.number().int(),
  items: z.array(rosterEntry),
});
export type MeetingAttendance = z.infer<typeof meetingAttendance>;

/** `PUT /api/meetings/:id/attendance`: all or nothing. */
export const putAttendanceBody = z.object({
  version,
  items: z
    .array(
      z.object({
        memberId: id,
        status: attendanceStatus,
        note: optionalText('Ghi chú', 300),
      }),
    )
    .min(1, { error: 'Hãy điểm danh ít nhất một đoàn viên.' })
    .max(2000, { error: 'Mỗi lần ghi tối đa 2000 đoàn viên.' }),
});

/** `POST /api/meetings/:id/check-in-code`. */
export const checkInCode = z.object({ code: z.string(), expiresAt: z.string(), url: z.string() });
export type CheckInCode = z.infer<typeof checkInCode>;

/** `POST /api/me/check-in`. */
export const checkInBody = z.object({
  code: z.string({ error: 'Thiếu mã điểm danh.' }).min(1, { error: 'Thiếu mã điểm danh.' }).max(300),
});

/** What a member sees after checking in. */
export const checkInResult = z.object({
  meetingId: id,
  unitName: z.string(),
  topic: z.string().nullable(),
  date: isoDate,
  checkedInAt: z.string(),
  /** "HH:MM" in Vietnam time. */
  time: z.string(),
});
export type CheckInResult = z.infer<typeof checkInResult>;

/** An account that may be invited: a cadre or unit administrator of a superior unit. */
export const invitableCadre = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  unitId: id,
  unitName: z.string(),
  role: z.string(),
  invited: z.boolean(),
});
export const invitableList = z.object({ items: z.array(invitableCadre) });
export type InvitableCadre = z.infer<typeof invitableCadre>;

/** `POST /api/meetings/:id/invitations`. */
export const inviteBody = z.object({ userId: z.string().min(1, { error: 'Hãy chọn cán bộ để mời.' }).max(100) });

/** `GET /api/me/calendar?from&to` (at most 100 days). */
export const calendarQuery = z.object({ from: isoDate, to: isoDate });

/** A meeting in a calendar, with why the account sees it. */
export const calendarItem = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  date: isoDate,
  startsAt: z.string().nullable(),
  status: meetingStatus,
  form: meetingForm,
  topic: z.string().nullable(),
  place: z.string().nullable(),
  /** invited, member (own branch), hosted (host branch), cadre (a branch the account serves). */
  reason: z.enum(['invited', 'member', 'hosted', 'cadre']),
});
export const calendar = z.object({ from: isoDate, to: isoDate, items: z.array(calendarItem) });
export type CalendarItem = z.infer<typeof calendarItem>;
export type Calendar = z.infer<typeof calendar>;
