import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/client.js';
import { rows } from '../db/rows.js';
import {
  account,
  auditLog,
  members,
  roleAssignments,
  unitSuccessions,
  units,
  unitVersions,
  user,
} from '../db/schema/index.js';
import { hash } from '../auth/passwords.js';
import { childPath } from '../domain/org/unit-path.js';
import { foldVietnamese, givenName, nameSortKey } from '../domain/text/vietnamese.js';
import { todayInVietnam } from '../domain/text/dates.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { seedDemoAdmissions } from './demo-admissions.js';
import { linkDemoMember } from './demo-member.js';
import { DEMO_TREE, type DemoUnit } from './demo-tree.js';
import { seededRandom, vietnameseName } from './names.js';
import { ensureReferenceData } from './reference.js';
import { seedDemoDesignations } from './demo-designations.js';
import { seedDemoMeetings } from './demo-meetings.js';
import { seedDemoReviews } from './demo-reviews.js';
import { seedDemoFees } from './demo-fees.js';
import { seedDemoCare } from './demo-care.js';
import { seedDemoAnnouncements } from './demo-announcements.js';
import { seedDemoSurveys } from './demo-surveys.js';
import { seedDemoEvaluations } from './demo-evaluations.js';

interface Placed {
  spec: DemoUnit;
  id: string;
  path: string;
  parentId: string | null;
  provinceId: string | null;
}

function place(spec: DemoUnit, parent: Placed | null, out: Placed[]): void {
  const id = randomUUID();
  const path = childPath(parent?.path ?? null, id);
  const provinceId = spec.kind === 'province' ? id : (parent?.provinceId ?? null);
  const placed = { spec, id, path, parentId: parent?.id ?? null, provinceId };
  out.push(placed);
  for (const child of spec.children ?? []) place(child, placed, out);
}

function birthDate(random: () => number, ages: [number, number], today: string): string {
  const age = ages[0] + Math.floor(random() * (ages[1] - ages[0] + 1));
  const born = new Date(`${today}T00:00:00Z`);
  born.setUTCFullYear(born.getUTCFullYear() - age - 1);
  born.setUTCDate(born.getUTCDate() + 1 + Math.floor(random() * 364));
  return born.toISOString().slice(0, 10);
}

const pickFrom = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
const HIGHLAND = ['Cơ-ho', 'Mạ', 'Chu-ru', 'Kinh', 'Kinh', 'Kinh', 'Nùng', 'Tày'];
const RELIGION = ['Không', 'Không', 'Không', 'Không', 'Phật giáo', 'Công giáo', 'Tin Lành', 'Cao Đài'];

function birthYearDigits(iso: string, gender: 'male' | 'female'): string {
  const year = Number(iso.slice(0, 4));
  const centuryGender = (year >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  return `${centuryGender}${iso.slice(2, 4)}`;
}

function plusYears(iso: string, years: number, random: () => number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() + Math.floor(random() * 200));
  return d.toISOString().slice(0, 10);
}

function demoMember(random: () => number, unit: Placed, serial: number, today: string): typeof members.$inferInsert {
  const gender = random() < 0.52 ? 'female' : 'male';
  const fullName = vietnameseName(random, gender);
  const birth = birthDate(random, unit.spec.ages ?? [16, 30], today);
  const highland = unit.spec.code.startsWith('HT-') || unit.spec.code.startsWith('DL-');
  const joined = plusYears(birth, 16, random);
  const roll = random();
  return {
    unitId: unit.id,
    provinceId: unit.provinceId,
    fullName,
    givenName: givenName(fullName),
    searchName: foldVietnamese(fullName),
    sortKey: nameSortKey(fullName),
    birthDate: birth,
    gender,
    ethnicity: highland
      ? pickFrom(random, HIGHLAND)
      : random() < 0.97
        ? 'Kinh'
        : pickFrom(random, ['Hoa', 'Chăm', 'Cơ-tu', 'Tày']),
    religion: pickFrom(random, RELIGION),
    cccd: `0${String(48 + (serial % 20)).padStart(2, '0')}${birthYearDigits(birth, gender)}${String(100000 + serial).slice(-6)}`,
    phone: random() < 0.85 ? `09${String(10000000 + Math.floor(random() * 89999999)).slice(0, 8)}` : null,
    joinedOn: joined <= today ? joined : today,
    cardNumber: `DV${String(serial).padStart(7, '0')}`,
    cardIssuedOn: joined <= today ? joined : today,
    partyMember: Number(birth.slice(0, 4)) < 2002 && random() < 0.08,
    status: roll < 0.05 ? 'working_away' : 'active',
    awayPlace:
      roll < 0.05 ? pickFrom(random, ['TP Hồ Chí Minh', 'Bình Dương', 'Hà Nội', 'Hàn Quốc', 'Nhật Bản']) : null,
    careFlags: random() < 0.04 ? ['hardship'] : [],
    // One member in ten has no permanent address yet: the monthly review lists them as incomplete records.
    permanentAddress: serial % 10 === 0 ? null : `Số ${(serial % 180) + 1}, tổ ${(serial % 24) + 1}`,
  };
}

async function insertMembers(tx: DbOrTx, placed: readonly Placed[], random: () => number): Promise<number> {
  const today = todayInVietnam();
  const rows: (typeof members.$inferInsert)[] = [];
  for (const unit of placed) {
    const range = unit.spec.members;
    if (!range || unit.spec.closedOn) continue;
    const count = range[0] + Math.floor(random() * (range[1] - range[0] + 1));
    for (let i = 0; i < count; i++) rows.push(demoMember(random, unit, rows.length + 1, today));
  }
  for (let i = 0; i < rows.length; i += 500) await tx.insert(members).values(rows.slice(i, i + 500));
  return rows.length;
}

async function insertAccounts(tx: DbOrTx, byCode: Map<string, Placed>): Promise<void> {
  for (const demo of DEMO_ACCOUNTS) {
    const unit = byCode.get(demo.unitCode);
    if (!unit) throw new Error(`demo unit ${demo.unitCode} missing`);
    const userId = randomUUID();
    await tx.insert(user).values({
      id: userId,
      name: demo.name,
      email: `${demo.username}@demo.doanso.vn`,
      username: demo.username,
      displayUsername: demo.username,
    });
    await tx.insert(account).values({
      id: randomUUID(),
      accountId: userId,
      providerId: 'credential',
      userId,
      password: await hash(demo.password),
    });
    await tx.insert(roleAssignments).values({ userId, unitId: unit.id, role: demo.role });
    if (demo.member) await linkDemoMember(tx, userId, demo.name, unit, demo.member);
  }
}

/** Builds the demo organisation, about 2,000 members and the demo accounts, in one transaction. */
export async function loadDemo(db: Db): Promise<{ units: number; members: number }> {
  const random = seededRandom(20251);
  const placed: Placed[] = [];
  place(DEMO_TREE, null, placed);
  const byCode = new Map(placed.map((p) => [p.spec.code, p]));
  return db.transaction(async (tx) => {
    await ensureReferenceData(tx);
    await tx.insert(units).values(
      placed.map((p) => ({
        id: p.id,
        parentId: p.parentId,
        path: p.path,
        code: p.spec.code,
        name: p.spec.name,
        kind: p.spec.kind,
        sector: p.spec.sector,
        powers: p.spec.powers ?? [],
        foundedOn: p.spec.foundedOn,
        closedOn: p.spec.closedOn ?? null,
        closeReason: p.spec.closedOn ? 'Sắp xếp tổ chức bộ máy theo mô hình chính quyền địa phương hai cấp' : null,
      })),
    );
    await tx.insert(unitVersions).values(
      placed.map((p) => ({
        unitId: p.id,
        parentId: p.parentId,
        path: p.path,
        code: p.spec.code,
        name: p.spec.name,
        kind: p.spec.kind,
        validFrom: p.spec.foundedOn,
        validTo: p.spec.closedOn ?? null,
      })),
    );
    const successions = placed.flatMap((p) => {
      const successor = p.spec.successor ? byCode.get(p.spec.successor) : undefined;
      return successor && p.spec.closedOn
        ? [
            {
              predecessorId: p.id,
              successorId: successor.id,
              kind: 'merge',
              effectiveOn: p.spec.closedOn,
              note: 'Sáp nhập theo Đề án sắp xếp đơn vị hành chính năm 2025',
            },
          ]
        : [];
    });
    if (successions.length > 0) await tx.insert(unitSuccessions).values(successions);
    const memberCount = await insertMembers(tx, placed, random);
    await insertAccounts(tx, byCode);
    const unitIds = new Map(placed.map((p) => [p.spec.code, p.id]));
    const today = todayInVietnam();
    await seedDemoAdmissions(tx, unitIds, today);
    await seedDemoBranchLife(tx, unitIds, today);
    await seedDemoEvaluations(tx, unitIds, today);
    await tx
      .insert(auditLog)
      .values({ entity: 'system', action: 'seed_demo', after: { units: placed.length, members: memberCount } });
    return { units: placed.length, members: memberCount };
  });
}

/** Branch life of the demo: designations first (meeting cadence), then meetings and fees, the reviews that read both, care, news, surveys. */
async function seedDemoBranchLife(tx: DbOrTx, unitIds: ReadonlyMap<string, string>, today: string): Promise<void> {
  await seedDemoDesignations(tx, unitIds, today);
  await seedDemoMeetings(tx, unitIds, today);
  await seedDemoFees(tx, unitIds, today);
  await seedDemoReviews(tx, unitIds, today);
  await seedDemoCare(tx, unitIds, today);
  await seedDemoAnnouncements(tx, unitIds, today);
  await seedDemoSurveys(tx, unitIds, today);
}

/** Loads the demo when the database has no unit yet. Returns true when it did. */
export async function loadDemoIfEmpty(db: Db): Promise<boolean> {
  await ensureReferenceData(db);
  const [count] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${units}`);
  if (Number(count?.n ?? 0) > 0) return false;
  await loadDemo(db);
  return true;
}
