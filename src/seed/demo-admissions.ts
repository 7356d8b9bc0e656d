import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { admissionCandidates, members } from '../db/schema/index.js';

/** A demo candidate: where, who, and how far the procedure went (days are counted back from today). */
interface DemoCandidate {
  branch: string;
  fullName: string;
  gender: 'male' | 'female';
  age: number;
  cccd: string;
  source: 'youth' | 'pioneer' | 'federation';
  appliedDaysAgo: number;
  /** Days ago the awareness course ended; absent when not attended yet. */
  courseDaysAgo?: number;
  introducer: 'member' | 'pioneer_squad' | 'federation_chapter';
  introducerName?: string;
  /** Days ago the branch voted (present, in favour); absent while "applied". */
  vote?: [number, number, number];
  profile: Record<string, string>;
}

const CANDIDATES: DemoCandidate[] = [
  {
    branch: 'TDP1',
    fullName: 'Nguyễn Thị Thu Trang',
    gender: 'female',
    age: 17,
    cccd: '048309900101',
    source: 'youth',
    appliedDaysAgo: 45,
    courseDaysAgo: 20,
    introducer: 'member',
    profile: { hometown: 'Hải Châu, Đà Nẵng', occupation: 'Học sinh', schoolClass: 'Lớp 12A3, THPT Phan Châu Trinh' },
  },
  {
    branch: 'TDP1',
    fullName: 'Trần Minh Khôi',
    gender: 'male',
    age: 16,
    cccd: '048210900102',
    source: 'pioneer',
    appliedDaysAgo: 10,
    introducer: 'pioneer_squad',
    introducerName: 'Chi đội 9/1 Trường THCS Nguyễn Huệ',
    profile: { hometown: 'Hải Châu, Đà Nẵng', occupation: 'Học sinh' },
  },
  {
    branch: 'TDP2',
    fullName: 'Lê Hoàng Phúc',
    gender: 'male',
    age: 19,
    cccd: '048207900103',
    source: 'youth',
    appliedDaysAgo: 60,
    courseDaysAgo: 40,
    introducer: 'member',
    vote: [12, 14, 12],
    profile: { hometown: 'Thăng Bình, Quảng Nam', occupation: 'Công nhân', workplace: 'Công ty CP Dệt may Hòa Thọ' },
  },
  {
    branch: 'TDP3',
    fullName: 'Võ Thị Mỹ Duyên',
    gender: 'female',
    age: 20,
    cccd: '048306900104',
    source: 'federation',
    appliedDaysAgo: 55,
    courseDaysAgo: 35,
    introducer: 'federation_chapter',
    introducerName: 'Chi hội Thanh niên Tổ dân phố 3',
    vote: [10, 9, 9],
    profile: { hometown: 'Hải Châu, Đà Nẵng', occupation: 'Nhân viên văn phòng' },
  },
  {
    branch: 'NT-THON1',
    fullName: 'Huỳnh Văn Tài',
    gender: 'male',
    age: 18,
    cccd: '049208900105',
    source: 'youth',
    appliedDaysAgo: 50,
    courseDaysAgo: 30,
    introducer: 'member',
    vote: [8, 11, 10],
    profile: { hometown: 'Núi Thành, Quảng Nam', occupation: 'Nông dân' },
  },
];

function back(today: string, days: number, years = 0): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Adds a few admission candidates at various steps (applied, ready to vote, awaiting approval) to the demo. */
export async function seedDemoAdmissions(tx: DbOrTx, unitIds: Map<string, string>, today: string): Promise<void> {
  for (const c of CANDIDATES) {
    const unitId = unitIds.get(c.branch);
    if (!unitId) continue;
    const branchMembers = await tx
      .select({ id: members.id })
      .from(members)
      .where(and(eq(members.unitId, unitId), eq(members.status, 'active')))
      .orderBy(asc(members.sortKey))
      .limit(2);
    const [introducer, recruiter] = branchMembers;
    const byMember = c.introducer === 'member' && introducer;
    await tx.insert(admissionCandidates).values({
      unitId,
      fullName: c.fullName,
      birthDate: back(today, 40 + c.appliedDaysAgo, c.age),
      gender: c.gender,
      ethnicity: 'Kinh',
      religion: 'Không',
      cccd: c.cccd,
      source: c.source,
      applicationDate: back(today, c.appliedDaysAgo),
      profile: c.profile,
      courseName: c.courseDaysAgo ? 'Lớp bồi dưỡng nhận thức về Đoàn (lớp cảm tình Đoàn) năm 2026' : null,
      courseCertificateNo: c.courseDaysAgo ? `${c.cccd.slice(-3)}/GCN-ĐTN` : null,
      courseCompletedOn: c.courseDaysAgo ? back(today, c.courseDaysAgo) : null,
      introducerKind: byMember || c.introducer !== 'member' ? c.introducer : null,
      introducerMemberId: byMember ? introducer.id : null,
      introducerName: c.introducerName ?? null,
      introducerKnownSince: byMember ? back(today, c.appliedDaysAgo + 365) : null,
      recruiterMemberId: recruiter?.id ?? null,
      meetingOn: c.vote ? back(today, c.vote[0]) : null,
      meetingPresent: c.vote?.[1] ?? null,
      meetingInFavour: c.vote?.[2] ?? null,
      status: c.vote ? 'voted' : 'applied',
    });
  }
}
