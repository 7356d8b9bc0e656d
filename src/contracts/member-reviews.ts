import { z } from 'zod';
import { REVIEW_CATEGORIES } from '../domain/branch-life/review.js';
import { id, optionalText } from './common.js';

/** A category of the monthly review checklist. */
export const reviewCategory = z.enum(REVIEW_CATEGORIES, { error: 'Mục rà soát không hợp lệ.' });
export type ReviewCategoryDto = z.infer<typeof reviewCategory>;

/** One member on the checklist. */
export const checklistItem = z.object({
  category: reviewCategory,
  memberId: z.string(),
  fullName: z.string(),
  /** Short Vietnamese detail ("Thiếu: số CCCD", "Nợ 4 tháng, từ tháng 08/2026"...). */
  detail: z.string(),
  /** True for a member hosted under temporary participation. */
  hosted: z.boolean(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

/** One line of a recorded review: the checklist line as it stood, with the branch's decision. */
export const recordedItem = checklistItem.extend({ decision: z.string().nullable() });
export type RecordedItem = z.infer<typeof recordedItem>;

/** A review recorded with a meeting. */
export const recordedReview = z.object({
  id: z.string(),
  /** Send it back with the next change (else 409). */
  version: z.number().int(),
  items: z.array(recordedItem),
  conclusion: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  updatedAt: z.string(),
});
export type RecordedReview = z.infer<typeof recordedReview>;

/** The review of a meeting: the checklist computed now and the recorded review, if any. */
export const meetingReview = z.object({
  meetingId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** "YYYY-MM". */
  period: z.string(),
  meetingStatus: z.enum(['planned', 'held', 'cancelled']),
  heldOn: z.string().nullable(),
  /** The number of absences in a row the checklist looks for (rule `meeting.missedInARow`). */
  missedInARow: z.number().int(),
  checklist: z.array(checklistItem),
  recorded: recordedReview.nullable(),
  /** True when the actor may record the review now. */
  canRecord: z.boolean(),
  /** Why it cannot be recorded (cancelled meeting, closed branch), when the actor could otherwise. */
  blockedReason: z.string().nullable(),
});
export type MeetingReview = z.infer<typeof meetingReview>;

/** Record (or change) the review of a meeting. */
export const putReviewBody = z.object({
  /** The recorded review's version as read; absent for the first record. */
  version: z.number({ error: 'Phiên bản của bản rà soát không hợp lệ.' }).int().positive().optional(),
  items: z
    .array(
      z.object({
        category: reviewCategory,
        memberId: id,
        decision: optionalText('Nội dung xử lý', 500),
      }),
      { error: 'Danh sách rà soát không hợp lệ.' },
    )
    .max(2000, { error: 'Danh sách rà soát quá dài: tải lại trang.' }),
  conclusion: optionalText('Kết luận rà soát', 2000),
});
export type PutReviewBody = z.input<typeof putReviewBody>;

/** Query of the months reviewed by a unit. */
export const unitReviewsQuery = z.object({
  year: z.coerce
    .number({ error: 'Năm phải là số.' })
    .int({ error: 'Năm phải là số nguyên.' })
    .min(2000, { error: 'Năm phải từ 2000.' })
    .max(2100, { error: 'Năm phải trước 2100.' })
    .optional(),
  /** Cursor of the next page of branches. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1, { error: 'Số dòng tối thiểu là 1.' }).max(200).default(50),
});

/** A month a branch recorded a review. */
export const reviewedMonth = z.object({ period: z.string(), meetingId: z.string(), updatedAt: z.string() });

/** A branch below a higher unit with the number of months it reviewed in the year. */
export const branchReviewCount = z.object({
  unitId: z.string(),
  name: z.string(),
  monthsReviewed: z.number().int(),
});

/**
 * The reviews of a unit in a year: for a branch, the months reviewed; for a higher unit, its branches (a page by
 * name) with the number of months each reviewed.
 */
export const unitReviews = z.object({
  unitId: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  isBranch: z.boolean(),
  months: z.array(reviewedMonth),
  branches: z.array(branchReviewCount),
  next: z.string().nullable(),
  /** Branches below the unit (higher unit only). */
  total: z.number().int(),
});
export type UnitReviews = z.infer<typeof unitReviews>;
