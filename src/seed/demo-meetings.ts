import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { meetingAttendance, meetingInvitations, meetings } from '../db/schema/index.js';
import { rows } from '../db/rows.js';
import { typedList } from '../db/sql-lists.js';
import { periodEnd, plannedDate, type MeetingForm } from '../domain/branch-life/meeting-rules.js';
import { addMonths, periodStart } from '../domain/branch-life/months.js';

const TOPICS: [MeetingForm, string][] = [
  ['regular', 'Sinh hoạt định kỳ: đánh giá hoạt động tháng, triển khai nhiệm vụ tháng tới'],
  ['themed', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'],
  ['birthday', 'Mừng sinh nhật đoàn viên trong tháng'],
  ['outdoor', 'Dã ngoại, dọn vệ sinh bãi biển Mỹ Khê'],
  ['skills', 'Kỹ năng sơ cấp cứu và phòng chống đuối nước'],
  ['armed_forces', 'Kết nghĩa với Đại đội bộ binh: tìm hiểu truyền thống quân đội'],
  ['three_plus_one', 'Sinh hoạt “3 chi + 1” cùng chi bộ, chi hội cựu chiến binh và CLB cựu quân nhân'],
  ['online', 'Sinh hoạt trực tuyến: quán triệt nghị quyết mới của Đoàn cấp trên'],
];

/** A small deterministic generator so the demo looks the same on every load. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface SeedMeeting {
  id: string;
  unitId: string;
  held: boolean;
  heldOn: string | null;
}

/**
 * A year of meetings for the demo: the current year planned for every open branch, past periods (and the last
 * months of the previous year) held with minutes and attendance (about 80% present), a few branches missing a
 * month, two members of TDP1 absent three times in a row, the current period planned for today or later, and
 * the xadoan account invited to this month's TDP1 meeting. `unitIds` maps demo unit codes to ids.
 */
export async function seedDemoMeetings(tx: DbOrTx, unitIds: ReadonlyMap<string, string>, today: string): Promise<void> {
  const ids = [...unitIds.values()];
  if (ids.length === 0) return;
  const branches = await rows<{ id: string; code: string; remote: boolean }>(
    tx,
    sql`select u.id, u.code, exists (select 1 from branch_designations d where d.unit_id = u.id and d.kind = 'remote'
               and d.valid_from <= ${today}::date and (d.valid_to is null or d.valid_to > ${today}::date)) as remote
          from units u join unit_kinds k on k.code = u.kind
         where u.id in (${typedList(ids, 'uuid')}) and k.is_leaf and u.closed_on is null order by u.code`,
  );
  const random = seeded(20250326);
  const current = today.slice(0, 7);
  const first =
    addMonths(`${today.slice(0, 4)}-01`, 0) < addMonths(current, -6)
      ? `${today.slice(0, 4)}-01`
      : addMonths(current, -6);
  const values: (typeof meetings.$inferInsert)[] = [];
  branches.forEach((b, bi) => {
    const every = b.remote ? 3 : 1;
    const skip = bi % 5 === 2 ? addMonths(current, -2) : null;
    const lastOfYear = `${today.slice(0, 4)}-12`;
    for (let p = periodStart(first, every); p <= lastOfYear; p = addMonths(p, every)) {
      const id = crypto.randomUUID();
      const past = periodEnd(p, every) < current;
      const inCurrent = p <= current && current <= periodEnd(p, every);
      if (past && skip && periodStart(skip, every) === p) continue;
      const [form, topic] = TOPICS[Math.floor(random() * TOPICS.length)] ?? TOPICS[0]!;
      if (past) {
        const heldOn = plannedDate(p, 8 + Math.floor(random() * 15));
        values.push({
          id,
          unitId: b.id,
          period: p,
          status: 'held',
          plannedOn: plannedDate(p, 15),
          heldOn,
          startsAt: '19:30',
          place: 'Nhà văn hóa khu dân cư',
          form,
          topic,
          chairName: 'Bí thư chi đoàn',
          minutes: `Chi đoàn sinh hoạt với chủ đề “${topic}”. Bí thư đánh giá kết quả thực hiện nhiệm vụ, đoàn viên thảo luận và thống nhất kế hoạch tuần tới.`,
          criticism: 'Đoàn viên tự nhận xét; chi đoàn nhắc nhở các bạn vắng không phép.',
          resolutions: 'Hoàn thành nộp đoàn phí đúng hạn; tham gia đầy đủ hoạt động tình nguyện cuối tuần.',
        });
      } else {
        const offset = inCurrent ? (b.code === 'TDP1' ? 0 : bi % 4) : null;
        const plannedOn =
          offset === null
            ? plannedDate(p, 15)
            : (() => {
                const d = new Date(`${today}T00:00:00Z`);
                d.setUTCDate(d.getUTCDate() + offset);
                const iso = d.toISOString().slice(0, 10);
                return iso.slice(0, 7) === current ? iso : today;
              })();
        values.push({ id, unitId: b.id, period: p, status: 'planned', plannedOn, form, topic, startsAt: '19:30' });
      }
    }
  });
  for (let i = 0; i < values.length; i += 500) await tx.insert(meetings).values(values.slice(i, i + 500));
  const held: SeedMeeting[] = values
    .filter((v) => v.status === 'held')
    .map((v) => ({ id: v.id!, unitId: v.unitId, held: true, heldOn: v.heldOn ?? null }));
  await seedAttendance(tx, held, branches, random);
  await inviteXadoan(tx, values, unitIds, today);
}

async function seedAttendance(
  tx: DbOrTx,
  held: readonly SeedMeeting[],
  branches: readonly { id: string; code: string }[],
  random: () => number,
): Promise<void> {
  if (held.length === 0) return;
  const roster = await rows<{ id: string; unit_id: string }>(
    tx,
    sql`select id, unit_id from members where status in ('active', 'working_away')
          and unit_id in (${typedList(
            branches.map((b) => b.id),
            'uuid',
          )}) order by unit_id, sort_key, id`,
  );
  const byUnit = new Map<string, string[]>();
  for (const r of roster) byUnit.set(r.unit_id, [...(byUnit.get(r.unit_id) ?? []), r.id]);
  const tdp1 = branches.find((b) => b.code === 'TDP1')?.id;
  const tdp1Held = held.filter((m) => m.unitId === tdp1).sort((a, b) => (a.heldOn ?? '').localeCompare(b.heldOn ?? ''));
  const lastThree = new Set(tdp1Held.slice(-3).map((m) => m.id));
  const truants = new Set((tdp1 ? (byUnit.get(tdp1) ?? []) : []).slice(-3, -1));
  const values: (typeof meetingAttendance.$inferInsert)[] = [];
  for (const m of held) {
    for (const memberId of byUnit.get(m.unitId) ?? []) {
      const roll = random();
      const status =
        lastThree.has(m.id) && truants.has(memberId)
          ? 'absent'
          : roll < 0.8
            ? 'present'
            : roll < 0.92
              ? 'excused'
              : 'absent';
      values.push({ meetingId: m.id, memberId, status, source: 'secretary' });
    }
  }
  for (let i = 0; i < values.length; i += 1000) await tx.insert(meetingAttendance).values(values.slice(i, i + 1000));
  const heldIds = typedList(
    held.map((m) => m.id),
    'uuid',
  );
  await tx.execute(sql`
    update meetings m set expected_count = c.expected, present_count = c.present, excused_count = c.excused,
           absent_count = c.absent
      from (select meeting_id, count(*)::int as expected,
                   count(*) filter (where status = 'present')::int as present,
                   count(*) filter (where status = 'excused')::int as excused,
                   count(*) filter (where status = 'absent')::int as absent
              from meeting_attendance where meeting_id in (${heldIds}) group by meeting_id) c
     where m.id = c.meeting_id`);
  await tx.execute(sql`
    insert into member_last_seen (member_id, last_present_on, unit_id)
    select distinct on (a.member_id) a.member_id, m.held_on, m.unit_id
      from meeting_attendance a join meetings m on m.id = a.meeting_id
     where a.status = 'present' and m.status = 'held' and m.id in (${heldIds})
     order by a.member_id, m.held_on desc
    on conflict (member_id) do update set last_present_on = excluded.last_present_on, unit_id = excluded.unit_id
     where excluded.last_present_on >= member_last_seen.last_present_on`);
}

async function inviteXadoan(
  tx: DbOrTx,
  values: readonly (typeof meetings.$inferInsert)[],
  unitIds: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  const tdp1 = unitIds.get('TDP1');
  const hch = unitIds.get('HCH');
  const meeting = values.find((v) => v.unitId === tdp1 && v.status === 'planned' && v.period === today.slice(0, 7));
  const [xadoan] = await rows<{ id: string }>(tx, sql`select id from "user" where username = 'xadoan'`);
  if (!meeting?.id || !xadoan || !hch) return;
  await tx.insert(meetingInvitations).values({ meetingId: meeting.id, userId: xadoan.id, unitId: hch });
}
