import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { seesPersonalData } from '../members/members.service.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { CARD_REGISTER_COLUMNS, memberRegisterColumns, transferRegisterColumns } from './registers.columns.js';
import * as q from './registers.queries.js';
import { keysetBatches, registerWorkbook, writeRegisterSheet, type RegisterHeading } from './registers.sheet.js';

type Ctx = RequestContext & { actor: Actor };

/** The three registers a đoàn cơ sở keeps. */
export const REGISTERS = {
  members: { title: 'SỔ DANH SÁCH ĐOÀN VIÊN', file: 'so-danh-sach-doan-vien' },
  'admissions-cards': { title: 'SỔ KẾT NẠP ĐOÀN VIÊN VÀ CẤP THẺ ĐOÀN VIÊN', file: 'so-ket-nap-va-cap-the' },
  transfers: { title: 'SỔ CHUYỂN SINH HOẠT ĐOÀN', file: 'so-chuyen-di-chuyen-den' },
} as const;

export type RegisterKind = keyof typeof REGISTERS;

/** An authorised, audited register export, ready to be streamed. */
export interface PreparedRegister {
  kind: RegisterKind;
  unit: { id: string; name: string; code: string; path: string };
  personal: boolean;
  filter: q.RegisterFilter;
  rows: number;
  today: string;
  fileName: string;
}

async function countRows(db: Db, kind: RegisterKind, filter: q.RegisterFilter): Promise<number> {
  if (kind === 'members') return q.countMemberRegister(db, filter);
  if (kind === 'admissions-cards') return q.countCardRegister(db, filter);
  const [out, inbound] = await Promise.all([
    q.countTransferRegister(db, filter, 'out'),
    q.countTransferRegister(db, filter, 'in'),
  ]);
  return out + inbound;
}

/**
 * Checks `member.read` on the unit (404 outside the scope), counts the rows and writes the audit row
 * (register, year, rows, whether CCCD and phone are shown) before anything is sent.
 */
export async function prepareRegister(
  db: Db,
  ctx: Ctx,
  unitId: string,
  kind: RegisterKind,
  year: number | null,
): Promise<PreparedRegister> {
  const unit = await loadForAction(db, ctx.actor, unitId, 'member.read');
  const today = todayInVietnam();
  const filter: q.RegisterFilter = {
    unitPath: unit.path,
    scope: scopeOf(ctx.actor, 'member.read'),
    year,
    memberFilter: { unitPath: unit.path, provinceId: await provinceOf(db, unit.path), today },
  };
  const personal = seesPersonalData(ctx.actor, unit.path);
  const rows = await countRows(db, kind, filter);
  await audit(db, ctx, {
    entity: 'register_export',
    entityId: null,
    action: 'export',
    unitId: unit.id,
    unitPath: unit.path,
    after: { register: kind, year, rows, personal },
  });
  const fileName = `${REGISTERS[kind].file}-${unit.code}-${year ?? today.replace(/-/g, '')}.xlsx`;
  return { kind, unit, personal, filter, rows, today, fileName };
}

function heading(prep: PreparedRegister, title: string): RegisterHeading {
  const year = prep.filter.year;
  const date = `Ngày ${formatDateVi(prep.today)}`;
  return { unitName: prep.unit.name, title, subtitle: year === null ? date : `Năm ${year} – ${date}` };
}

/** Streams the register as .xlsx into `out` (one sheet; two for transfers: "Chuyển đi", "Chuyển đến"). */
export async function writeRegister(db: Db, prep: PreparedRegister, out: Writable): Promise<void> {
  const workbook = registerWorkbook(out);
  const f = prep.filter;
  if (prep.kind === 'members') {
    await writeRegisterSheet(
      workbook,
      out,
      'Danh sách đoàn viên',
      heading(prep, REGISTERS.members.title),
      memberRegisterColumns(prep.personal),
      keysetBatches(
        (after: q.MemberRegisterKey | undefined, limit) => q.memberRegisterPage(db, f, after, limit),
        (r) => [r.unitName, r.member.sortKey, r.member.id] as q.MemberRegisterKey,
      ),
    );
  } else if (prep.kind === 'admissions-cards') {
    await writeRegisterSheet(
      workbook,
      out,
      'Kết nạp và cấp thẻ',
      heading(prep, REGISTERS['admissions-cards'].title),
      CARD_REGISTER_COLUMNS,
      keysetBatches(
        (after: [string, number] | undefined, limit) => q.cardRegisterPage(db, f, after, limit),
        (r) => [r.issuedOn, r.id] as [string, number],
      ),
    );
  } else {
    const columns = transferRegisterColumns(prep.personal);
    for (const [direction, name, title] of [
      ['out', 'Chuyển đi', 'SỔ CHUYỂN SINH HOẠT ĐOÀN – CHUYỂN ĐI'],
      ['in', 'Chuyển đến', 'SỔ CHUYỂN SINH HOẠT ĐOÀN – CHUYỂN ĐẾN'],
    ] as const) {
      await writeRegisterSheet(
        workbook,
        out,
        name,
        heading(prep, title),
        columns[direction],
        keysetBatches(
          (after: [string, string] | undefined, limit) => q.transferRegisterPage(db, f, direction, after, limit),
          (r) => [r.onDate, r.id] as [string, string],
        ),
      );
    }
  }
  await workbook.commit();
}
