import { and, asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { careActions, careRecords, members } from '../db/schema/index.js';
import { categoriesFromFlags, type CareCategory } from '../domain/branch-life/care.js';

const HCH_BRANCHES = ['TDP1', 'TDP2', 'TDP3', 'TDP4', 'TDP5', 'TDP6', 'TDP7'];

/** `days` days after (or before, when negative) an ISO date. */
function shift(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Young people of the ward who are not members, with their situation. */
const YOUTH: {
  fullName: string;
  age: number;
  gender: 'male' | 'female';
  branch: string;
  address: string;
  categories: CareCategory[];
  situation: string;
}[] = [
  {
    fullName: 'Nguyễn Thị Mỹ Duyên',
    age: 16,
    gender: 'female',
    branch: 'TDP1',
    address: 'Kiệt 45 Hoàng Diệu, tổ 1',
    categories: ['hardship'],
    situation: 'Mồ côi cha, mẹ bán hàng rong; đang học lớp 10, có nguy cơ bỏ học.',
  },
  {
    fullName: 'Trần Văn Khải',
    age: 19,
    gender: 'male',
    branch: 'TDP2',
    address: '12 Trưng Nữ Vương, tổ 2',
    categories: ['disability'],
    situation: 'Khuyết tật vận động chân trái, cần học nghề sửa chữa điện thoại.',
  },
  {
    fullName: 'Hồ Thị Bích',
    age: 22,
    gender: 'female',
    branch: 'TDP3',
    address: 'Khu trọ 88 Núi Thành, tổ 3',
    categories: ['ethnic_minority', 'hardship'],
    situation: 'Người Cơ-tu từ Tây Giang xuống làm công nhân, thuê trọ, thu nhập thấp.',
  },
  {
    fullName: 'Lê Quang Vinh',
    age: 17,
    gender: 'male',
    branch: 'TDP4',
    address: 'Kiệt 210 Lê Đình Dương, tổ 4',
    categories: ['vulnerable'],
    situation: 'Bỏ học năm lớp 11, thường xuyên tụ tập ban đêm; gia đình đề nghị giúp đỡ.',
  },
  {
    fullName: 'Phan Thị Hoa',
    age: 24,
    gender: 'female',
    branch: 'TDP5',
    address: '5 Hải Phòng, tổ 5',
    categories: ['religious', 'hardship'],
    situation: 'Giáo dân, chồng mất, nuôi con nhỏ; cần vốn mở quán nước.',
  },
  {
    fullName: 'Võ Minh Nhật',
    age: 20,
    gender: 'male',
    branch: 'TDP6',
    address: 'Kiệt 17 Phan Châu Trinh, tổ 6',
    categories: ['vulnerable', 'other'],
    situation: 'Vừa hoàn thành cai nghiện, chưa có việc làm ổn định.',
  },
];

const HELP = [
  { description: 'Tặng quà Tết (gạo, dầu ăn, tiền mặt)', amount: 500_000 },
  { description: 'Học bổng “Tiếp sức đến trường”', amount: 1_000_000 },
  { description: 'Hỗ trợ sửa chữa nhà ở', amount: 3_000_000 },
  { description: 'Thăm hỏi khi ốm đau', amount: 300_000 },
  { description: 'Giới thiệu việc làm tại khu công nghiệp', amount: null },
];
const PLANNED = [
  { description: 'Trao học bổng đầu năm học', amount: 1_000_000 },
  { description: 'Hỗ trợ học nghề ngắn hạn', amount: 2_000_000 },
  { description: 'Tặng quà Trung thu cho con nhỏ', amount: 200_000 },
];

/**
 * About 15 care records in the branches of Đoàn phường Hải Châu: members with care flags (some left as
 * suggestions), members of a religion and local youth, with help given in the past and planned ahead.
 */
export async function seedDemoCare(tx: DbOrTx, unitIds: ReadonlyMap<string, string>, today: string): Promise<void> {
  const branchIds = HCH_BRANCHES.map((c) => unitIds.get(c)).filter((id): id is string => Boolean(id));
  if (branchIds.length === 0) return;
  const candidates = await tx
    .select()
    .from(members)
    .where(and(inArray(members.unitId, branchIds), inArray(members.status, ['active', 'working_away'])))
    .orderBy(asc(members.sortKey), asc(members.id));
  const flagged = candidates.filter((m) => m.careFlags.length > 0);
  const religious = candidates.filter((m) => m.careFlags.length === 0 && m.religion && m.religion !== 'Không');
  const chosen = [
    ...flagged.slice(0, Math.max(0, flagged.length - 2)).slice(0, 7),
    ...religious.slice(0, 2).map((m) => ({ ...m, careFlags: ['religious'] })),
  ];
  const year = Number(today.slice(0, 4));
  const rows: (typeof careRecords.$inferInsert)[] = [
    ...chosen.map((m, i) => ({
      unitId: m.unitId,
      memberId: m.id,
      fullName: m.fullName,
      birthYear: m.birthDate ? Number(m.birthDate.slice(0, 4)) : null,
      gender: m.gender,
      address: m.residenceAddress ?? m.permanentAddress,
      phone: m.phone,
      categories: categoriesFromFlags(m.careFlags),
      situation:
        m.careNote ??
        (i % 2 === 0
          ? 'Gia đình thuộc hộ cận nghèo, bố mẹ làm thuê.'
          : 'Bản thân bị bệnh dài ngày, thu nhập không ổn định.'),
      createdAt: new Date(`${shift(today, -200 + i * 10)}T02:00:00Z`),
    })),
    ...YOUTH.filter((y) => unitIds.has(y.branch)).map((y, i) => ({
      unitId: unitIds.get(y.branch)!,
      memberId: null,
      fullName: y.fullName,
      birthYear: year - y.age,
      gender: y.gender,
      address: y.address,
      phone: `0905${String(310000 + i * 1379).padStart(6, '0')}`,
      categories: y.categories,
      situation: y.situation,
      createdAt: new Date(`${shift(today, -160 + i * 5)}T02:00:00Z`),
    })),
  ];
  if (rows.length === 0) return;
  const inserted = await tx.insert(careRecords).values(rows).returning({ id: careRecords.id });
  const actions: (typeof careActions.$inferInsert)[] = inserted.flatMap((r, i) => {
    const given = HELP[i % HELP.length]!;
    const planned = PLANNED[i % PLANNED.length]!;
    return [
      { careRecordId: r.id, kind: 'given', onDate: shift(today, -(5 + ((i * 17) % 90))), ...given },
      ...(i % 2 === 0
        ? [{ careRecordId: r.id, kind: 'given', onDate: shift(today, -(100 + i)), ...HELP[(i + 2) % HELP.length]! }]
        : []),
      ...(i % 3 !== 2
        ? [{ careRecordId: r.id, kind: 'planned', onDate: shift(today, 7 + ((i * 11) % 60)), ...planned }]
        : []),
    ];
  });
  await tx.insert(careActions).values(actions);
}
