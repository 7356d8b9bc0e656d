import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { meetings, memberReviews, user } from '../db/schema/index.js';
import { addMonths, monthOf } from '../domain/branch-life/months.js';
import { reviewDate, withDecisions, type ReviewCategory } from '../domain/branch-life/review.js';
import { computeChecklist } from '../modules/member-reviews/member-reviews.checklist.js';

/** What a demo branch decided for the first member of some categories. */
const DEMO_DECISIONS: Partial<Record<ReviewCategory, string>> = {
  incomplete_data: 'Nhắc nhở bổ sung thông tin hồ sơ trong tháng',
  turns_30: 'Đề nghị làm thủ tục trưởng thành',
  working_away: 'Giao chi ủy theo dõi, liên lạc qua điện thoại',
  missed_in_a_row: 'Nhắc nhở, giao chi ủy gặp gỡ tìm hiểu lý do',
  fee_overdue: 'Nhắc nhở đóng đoàn phí',
};

const DEMO_CONCLUSIONS = [
  'Chi đoàn thống nhất nhắc nhở các đồng chí còn thiếu hồ sơ và nợ đoàn phí; chi ủy theo dõi đoàn viên đi làm ăn xa.',
  'Chi đoàn đã rà soát đầy đủ; giao chi ủy theo dõi và báo cáo kết quả ở buổi sinh hoạt sau.',
];

/** Monthly reviews recorded with some demo meetings. `unitIds` maps demo unit codes to ids. */
export async function seedDemoReviews(tx: DbOrTx, unitIds: ReadonlyMap<string, string>, today: string): Promise<void> {
  const branches = ['TDP1', 'TDP2'].map((code) => unitIds.get(code)).filter((id): id is string => Boolean(id));
  if (branches.length === 0) return;
  const thisMonth = monthOf(today);
  const held = await tx
    .select()
    .from(meetings)
    .where(
      and(
        inArray(meetings.unitId, branches),
        eq(meetings.status, 'held'),
        inArray(meetings.period, [addMonths(thisMonth, -1), thisMonth]),
      ),
    )
    .orderBy(asc(meetings.period), asc(meetings.heldOn));
  const [secretary] = await tx.select({ id: user.id }).from(user).where(eq(user.username, 'bithu'));
  for (const [index, meeting] of held.entries()) {
    const checklist = await computeChecklist(tx, {
      unitId: meeting.unitId,
      period: meeting.period,
      asOf: reviewDate(meeting, today),
    });
    const decided = new Set<ReviewCategory>();
    const decisions = checklist.lines.flatMap((line) => {
      const decision = DEMO_DECISIONS[line.category];
      if (!decision || decided.has(line.category)) return [];
      decided.add(line.category);
      return [{ category: line.category, memberId: line.memberId, decision }];
    });
    await tx
      .insert(memberReviews)
      .values({
        meetingId: meeting.id,
        unitId: meeting.unitId,
        period: meeting.period,
        items: withDecisions(checklist.lines, decisions),
        conclusion: DEMO_CONCLUSIONS[index % DEMO_CONCLUSIONS.length] ?? null,
        reviewedBy: meeting.unitId === unitIds.get('TDP1') ? (secretary?.id ?? null) : null,
      })
      .onConflictDoNothing();
  }
}
