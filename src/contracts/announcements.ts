import { z } from 'zod';
import {
  ANNOUNCEMENT_ACTIONS,
  ANNOUNCEMENT_LIMITS,
  ANNOUNCEMENT_STATUSES,
  normaliseBody,
} from '../domain/branch-life/announcement.js';
import { id, optionalText } from './common.js';

const { titleMin, titleMax, bodyMax } = ANNOUNCEMENT_LIMITS;

const version = z.number({ error: 'Thiếu phiên bản của thông báo: hãy tải lại trang.' }).int().positive();

/** The title: one line, 5 to 200 characters. */
const title = z
  .string({ error: 'Hãy nhập tiêu đề thông báo.' })
  .transform((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(
    z
      .string()
      .min(titleMin, { error: `Tiêu đề cần ít nhất ${titleMin} ký tự: hãy ghi rõ nội dung thông báo.` })
      .max(titleMax, { error: `Tiêu đề dài tối đa ${titleMax} ký tự: hãy rút gọn, đưa chi tiết vào nội dung.` }),
  );

/** The body: plain text with line breaks, up to 20,000 characters. */
const body = z
  .string({ error: 'Hãy nhập nội dung thông báo.' })
  .transform(normaliseBody)
  .pipe(
    z
      .string()
      .min(1, { error: 'Hãy nhập nội dung thông báo.' })
      .max(bodyMax, { error: `Nội dung dài tối đa ${bodyMax.toLocaleString('vi-VN')} ký tự: hãy rút gọn.` }),
  );

/** Draft a new announcement of a unit (member.write on it). */
export const createAnnouncementBody = z.object({ unitId: id, title, body });

/** Edit a draft. */
export const updateAnnouncementBody = z.object({ version, title, body });

/** Publish a draft to the members of the issuing unit's subtree. */
export const publishAnnouncementBody = z.object({ version });

/** Withdraw an announcement (published or draft); the reason is kept in the audit log. */
export const withdrawAnnouncementBody = z.object({ version, reason: optionalText('Lý do thu hồi', 500) });

/** A list page: announcements of a unit, with a keyset cursor. */
export const announcementListQuery = z.object({
  unitId: id,
  cursor: z.string().max(200).optional(),
});

/** Read tracking for a unit (default: the issuing unit, or the reader's own unit below it). */
export const announcementReadsQuery = z.object({ unitId: id.optional() });

/** A member's feed page. */
export const myAnnouncementsQuery = z.object({ cursor: z.string().max(200).optional() });

const status = z.enum(ANNOUNCEMENT_STATUSES);
const timestamp = z.string().nullable();

/** One announcement in a cadre's list. */
export const announcementSummary = z.object({
  id,
  unitId: id,
  unitName: z.string(),
  title: z.string(),
  status,
  /** "sent": issued by the unit listed or a unit below it; "received": issued by an ancestor. */
  direction: z.enum(['sent', 'received']),
  publishedAt: timestamp,
  withdrawnAt: timestamp,
  createdAt: z.string(),
  /** Members in the union of the tracked subtree now (current members, not frozen at publication). */
  audience: z.number().int(),
  read: z.number().int(),
  /** Whole percent read. */
  percent: z.number().int(),
});
export type AnnouncementSummary = z.infer<typeof announcementSummary>;

/** A cadre's list page. */
export const announcementPage = z.object({ items: z.array(announcementSummary), next: z.string().nullable() });
export type AnnouncementPage = z.infer<typeof announcementPage>;

/** One announcement as a cadre sees it, with the actions they may take. */
export const announcementDetail = announcementSummary.omit({ direction: true }).extend({
  body: z.string(),
  version: z.number().int(),
  createdByName: z.string().nullable(),
  actions: z.array(z.enum(ANNOUNCEMENT_ACTIONS)),
});
export type AnnouncementDetail = z.infer<typeof announcementDetail>;

/** Read figures of one unit below the tracked unit. */
export const readGroup = z.object({
  unitId: id,
  unitName: z.string(),
  audience: z.number().int(),
  read: z.number().int(),
  percent: z.number().int(),
});
export type ReadGroup = z.infer<typeof readGroup>;

/** A member of a branch and when they read the announcement (null: not yet). */
export const memberRead = z.object({
  memberId: id,
  fullName: z.string(),
  readAt: timestamp,
});
export type MemberRead = z.infer<typeof memberRead>;

/**
 * Read tracking of one unit: per unit directly below it ("groups"), or per member when it has no units below
 * ("members", a branch).
 */
export const announcementReads = z.object({
  announcementId: id,
  unit: z.object({ id, name: z.string() }),
  /** The units above the tracked unit down from the issuing unit, to go back up. */
  trail: z.array(z.object({ id, name: z.string() })),
  mode: z.enum(['groups', 'members']),
  audience: z.number().int(),
  read: z.number().int(),
  percent: z.number().int(),
  groups: z.array(readGroup),
  members: z.array(memberRead),
});
export type AnnouncementReads = z.infer<typeof announcementReads>;

/** An announcement in a member's feed. */
export const myAnnouncement = z.object({
  id,
  unitName: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  readAt: timestamp,
});
export type MyAnnouncement = z.infer<typeof myAnnouncement>;

/** A member's feed page with the number of unread announcements. */
export const myAnnouncementPage = z.object({
  items: z.array(myAnnouncement),
  next: z.string().nullable(),
  unread: z.number().int(),
});
export type MyAnnouncementPage = z.infer<typeof myAnnouncementPage>;

/** An announcement a member opens. */
export const myAnnouncementDetail = myAnnouncement.extend({ body: z.string() });
export type MyAnnouncementDetail = z.infer<typeof myAnnouncementDetail>;
