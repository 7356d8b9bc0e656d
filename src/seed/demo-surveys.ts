import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rows } from '../db/rows.js';
import { surveyParticipations, surveyResponses, surveys } from '../db/schema/index.js';
import type { Answers, SurveyQuestion } from '../domain/branch-life/survey.js';
import { seededRandom } from './names.js';

const YEARLY: SurveyQuestion[] = [
  {
    key: 'q1',
    text: 'Bạn quan tâm nhất đến vấn đề nào hiện nay?',
    kind: 'single',
    options: ['Việc làm, thu nhập', 'Học tập, nâng cao trình độ', 'Nhà ở', 'Sức khoẻ, thể thao', 'Văn hoá, giải trí'],
    required: true,
  },
  {
    key: 'q2',
    text: 'Bạn muốn chi đoàn tổ chức những hoạt động nào?',
    kind: 'multiple',
    options: ['Tình nguyện, an sinh xã hội', 'Dã ngoại, giao lưu', 'Kỹ năng mềm', 'Chuyển đổi số', 'Thể dục thể thao'],
    required: true,
  },
  {
    key: 'q3',
    text: 'Bạn đánh giá thế nào về sinh hoạt chi đoàn hiện nay? (1: chưa tốt – 5: rất tốt)',
    kind: 'scale',
    required: true,
  },
  {
    key: 'q4',
    text: 'Thời gian nào bạn tham gia sinh hoạt thuận tiện nhất?',
    kind: 'single',
    options: ['Tối ngày thường', 'Sáng cuối tuần', 'Chiều cuối tuần'],
    required: true,
  },
  { key: 'q5', text: 'Ý kiến, nguyện vọng khác của bạn', kind: 'text', required: false },
];

const LAST_YEAR: SurveyQuestion[] = [
  {
    key: 'q1',
    text: 'Chương trình hoạt động năm nay của chi đoàn có phù hợp với bạn không?',
    kind: 'single',
    options: ['Phù hợp', 'Cần điều chỉnh', 'Chưa phù hợp'],
    required: true,
  },
  { key: 'q2', text: 'Mức độ hài lòng với các hoạt động của Đoàn phường (1–5)', kind: 'scale', required: true },
  { key: 'q3', text: 'Đề xuất của bạn cho năm tới', kind: 'text', required: false },
];

const WISHES = [
  'Mong chi đoàn tổ chức thêm lớp tin học văn phòng buổi tối.',
  'Đề nghị có sân chơi thể thao cho thanh niên trong tổ dân phố.',
  'Mong được giới thiệu việc làm bán thời gian cho sinh viên.',
  'Nên tổ chức sinh hoạt ngắn gọn, đúng giờ hơn.',
  'Mong có thêm hoạt động tình nguyện cuối tuần.',
  'Đề nghị hỗ trợ thanh niên khởi nghiệp.',
];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function answersFor(questions: readonly SurveyQuestion[], random: () => number): Answers {
  const out: Answers = {};
  for (const q of questions) {
    const options = q.options ?? [];
    if (q.kind === 'single') out[q.key] = pick(random, options);
    else if (q.kind === 'multiple') {
      const chosen = options.filter(() => random() < 0.4);
      out[q.key] = chosen.length ? chosen : [pick(random, options)];
    } else if (q.kind === 'scale') out[q.key] = 3 + Math.floor(random() * 3) - (random() < 0.15 ? 2 : 0);
    else if (random() < 0.35) out[q.key] = pick(random, WISHES);
  }
  return out;
}

const addDays = (iso: string, days: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

interface Respondent {
  id: string;
  unit_id: string;
}

/** Members in the union under the unit, without a member account (the demo account answers in the journey). */
async function respondents(tx: DbOrTx, unitId: string): Promise<Respondent[]> {
  return rows<Respondent>(
    tx,
    sql`select m.id, m.unit_id from members m join units u on u.id = m.unit_id
        where u.path <@ (select path from units where id = ${unitId}::uuid)
          and m.status in ('active', 'working_away', 'in_transit')
          and not exists (select 1 from member_accounts a where a.member_id = m.id)
        order by m.sort_key, m.id`,
  );
}

async function seedOne(
  tx: DbOrTx,
  survey: typeof surveys.$inferInsert & { questions: SurveyQuestion[] },
  people: Respondent[],
  random: () => number,
  share: number,
  answeredOn: (random: () => number) => string,
): Promise<void> {
  const [row] = await tx.insert(surveys).values(survey).returning({ id: surveys.id });
  if (!row) return;
  const chosen = people.filter(() => random() < share);
  if (!chosen.length) return;
  const days = chosen.map(() => answeredOn(random));
  await tx
    .insert(surveyParticipations)
    .values(
      chosen.map((p, i) => ({ surveyId: row.id, memberId: p.id, answeredAt: new Date(`${days[i]}T09:00:00+07:00`) })),
    );
  const responses = chosen
    .map((p, i) => ({
      surveyId: row.id,
      unitId: p.unit_id,
      memberId: survey.anonymous ? null : p.id,
      answers: answersFor(survey.questions, random),
      createdAt: new Date(`${days[i]}T00:00:00+07:00`),
    }))
    .sort(() => random() - 0.5);
  await tx.insert(surveyResponses).values(responses);
}

/**
 * The demo surveys of Đoàn phường Hải Châu: this year's anonymous "tâm tư, nguyện vọng" survey, open, answered
 * by about 60% of its members, and last year's closed survey. `unitIds` maps demo unit codes to ids.
 */
export async function seedDemoSurveys(tx: DbOrTx, unitIds: ReadonlyMap<string, string>, today: string): Promise<void> {
  const unitId = unitIds.get('HCH');
  if (!unitId) return;
  const year = Number(today.slice(0, 4));
  const random = seededRandom(2025_05);
  const people = await respondents(tx, unitId);
  const opensOn = addDays(today, -14);
  await seedOne(
    tx,
    {
      unitId,
      title: `Tâm tư, nguyện vọng của đoàn viên năm ${year}`,
      description: 'Đoàn phường Hải Châu lắng nghe ý kiến của đoàn viên để xây dựng chương trình hoạt động phù hợp.',
      questions: YEARLY,
      anonymous: true,
      status: 'open',
      opensOn,
      closesOn: addDays(today, 30),
      createdAt: new Date(`${addDays(opensOn, -2)}T08:00:00+07:00`),
    },
    people,
    random,
    0.6,
    (r) => addDays(opensOn, Math.floor(r() * 15)),
  );
  const lastYear = `${year - 1}-11-01`;
  await seedOne(
    tx,
    {
      unitId,
      title: `Lấy ý kiến đoàn viên về chương trình hoạt động năm ${year - 1}`,
      questions: LAST_YEAR,
      anonymous: false,
      status: 'closed',
      opensOn: lastYear,
      closesOn: `${year - 1}-11-30`,
      createdAt: new Date(`${lastYear}T08:00:00+07:00`),
    },
    people,
    random,
    0.45,
    (r) => addDays(lastYear, Math.floor(r() * 30)),
  );
}
