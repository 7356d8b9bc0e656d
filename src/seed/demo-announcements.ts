import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rows } from '../db/rows.js';
import { announcements } from '../db/schema/index.js';

/** A demo announcement: issuing unit code, author, days before today, share of the audience who read it. */
interface DemoAnnouncement {
  unitCode: string;
  author: string;
  title: string;
  body: string;
  /** Days before today it was published; null keeps it a draft. */
  daysAgo: number | null;
  /** Percent of the members of Đoàn phường Hải Châu's subtree who read it. */
  readPercent: number;
  /** Whether the demo member account's member read it. */
  demoMemberRead: boolean;
}

const DEMO: DemoAnnouncement[] = [
  {
    unitCode: 'DNG',
    author: 'tinhdoan',
    title: 'Học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc Đoàn TNCS Hồ Chí Minh lần thứ XIII',
    body: [
      'Thực hiện hướng dẫn của Trung ương Đoàn, Ban Thường vụ Thành đoàn Đà Nẵng đề nghị các cơ sở Đoàn tổ chức học tập, quán triệt Nghị quyết Đại hội đại biểu toàn quốc Đoàn TNCS Hồ Chí Minh lần thứ XIII đến 100% đoàn viên.',
      '',
      '1. Hình thức: sinh hoạt chi đoàn chuyên đề, kết hợp học tập trực tuyến.',
      '2. Thời gian: hoàn thành trong tháng này.',
      '3. Báo cáo kết quả về Thành đoàn trước ngày 25.',
      '',
      'Đề nghị các đồng chí bí thư chi đoàn phổ biến thông báo này tới từng đoàn viên.',
    ].join('\n'),
    daysAgo: 20,
    readPercent: 60,
    demoMemberRead: true,
  },
  {
    unitCode: 'HCH',
    author: 'xadoan',
    title: 'Ra quân chiến dịch "Ngày Chủ nhật xanh" trên địa bàn phường',
    body: [
      'Đoàn phường Hải Châu phát động toàn thể đoàn viên, thanh niên tham gia chiến dịch "Ngày Chủ nhật xanh".',
      '',
      'Địa điểm tập trung: sân Nhà văn hóa phường, 6 giờ 30 sáng Chủ nhật tuần này.',
      'Mỗi chi đoàn đăng ký ít nhất 5 đoàn viên tham gia với bí thư chi đoàn.',
    ].join('\n'),
    daysAgo: 4,
    readPercent: 30,
    demoMemberRead: false,
  },
  {
    unitCode: 'TDP1',
    author: 'bithu',
    title: 'Lịch sinh hoạt chi đoàn tháng này',
    body: 'Chi đoàn sinh hoạt định kỳ vào 19 giờ 30 tối thứ Sáu tuần cuối tháng tại Nhà sinh hoạt cộng đồng tổ dân phố.\nĐề nghị đoàn viên tham gia đầy đủ; vắng mặt báo trước với bí thư chi đoàn.',
    daysAgo: 2,
    readPercent: 45,
    demoMemberRead: false,
  },
  {
    unitCode: 'HCH',
    author: 'xadoan',
    title: 'Kế hoạch tổ chức Ngày hội đoàn viên năm tới (bản dự thảo)',
    body: 'Dự thảo kế hoạch, đang xin ý kiến Ban Thường vụ trước khi phát hành.',
    daysAgo: null,
    readPercent: 0,
    demoMemberRead: false,
  },
];

/** 08:00 in Viet Nam, `days` before `today` (yyyy-mm-dd). */
function morningBefore(today: string, days: number): Date {
  const at = new Date(`${today}T01:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at;
}

/** Marks about `percent` of the audience below the issuing unit and inside Hải Châu as readers, a few hours apart. */
async function seedReads(tx: DbOrTx, id: string, unitId: string, hchId: string, percent: number, demoMemberId: string) {
  await tx.execute(sql`
    insert into announcement_reads (announcement_id, member_id, unit_id, read_at)
    select ${id}, m.id, m.unit_id,
           a.published_at + make_interval(mins => 30 + ('x' || substr(md5(m.id::text), 9, 4))::bit(16)::int % 4000)
    from members m
    join units u on u.id = m.unit_id
    join units iu on iu.id = ${unitId}
    join units h on h.id = ${hchId}
    join announcements a on a.id = ${id}
    where m.status in ('active', 'working_away') and u.path <@ iu.path and u.path <@ h.path
      and m.id <> ${demoMemberId}
      and ('x' || substr(md5(m.id::text || ${id}), 1, 4))::bit(16)::int % 100 < ${percent}`);
}

/** Announcements of the demo units, partly read. `unitIds` maps demo unit codes to ids. */
export async function seedDemoAnnouncements(
  tx: DbOrTx,
  unitIds: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  const hchId = unitIds.get('HCH');
  const [demo] = await rows<{ memberId: string; unitId: string }>(
    tx,
    sql`select m.id as "memberId", m.unit_id as "unitId" from member_accounts ma
        join "user" u on u.id = ma.user_id join members m on m.id = ma.member_id where u.username = 'doanvien'`,
  );
  if (!hchId || !demo) return;
  const authors = await rows<{ id: string; username: string }>(
    tx,
    sql`select id, username from "user" where username in ('tinhdoan', 'xadoan', 'bithu')`,
  );
  for (const a of DEMO) {
    const unitId = unitIds.get(a.unitCode);
    if (!unitId) continue;
    const publishedAt = a.daysAgo === null ? null : morningBefore(today, a.daysAgo);
    const [row] = await tx
      .insert(announcements)
      .values({
        unitId,
        title: a.title,
        body: a.body,
        status: publishedAt ? 'published' : 'draft',
        publishedAt,
        version: publishedAt ? 2 : 1,
        createdBy: authors.find((u) => u.username === a.author)?.id ?? null,
        createdAt: morningBefore(today, (a.daysAgo ?? 0) + 1),
      })
      .returning({ id: announcements.id });
    if (!row || !publishedAt) continue;
    await seedReads(tx, row.id, unitId, hchId, a.readPercent, demo.memberId);
    if (a.demoMemberRead)
      await tx.execute(sql`insert into announcement_reads (announcement_id, member_id, unit_id, read_at)
        values (${row.id}, ${demo.memberId}, ${demo.unitId}, ${new Date(publishedAt.getTime() + 3 * 3600_000).toISOString()}::timestamptz)`);
  }
}
