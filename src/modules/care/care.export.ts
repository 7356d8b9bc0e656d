import type { Writable } from 'node:stream';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { careListQuery } from '../../contracts/care.js';
import { CARE_CATEGORY_LABELS, type CareCategory } from '../../domain/branch-life/care.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import {
  keysetBatches,
  registerWorkbook,
  writeRegisterSheet,
  type RegisterColumn,
} from '../registers/registers.sheet.js';
import { seesPersonalData } from '../members/members.service.js';
import { toItem } from './care.presenter.js';
import { careFilter, yearOf } from './care.read.js';
import * as q from './care.queries.js';

type Ctx = RequestContext & { actor: Actor };
type Row = q.CareListRow & { personal: boolean };

const GENDER = { male: 'Nam', female: 'Nữ' } as const;
const STATUS = { open: 'Đang theo dõi', closed: 'Đã kết thúc' } as const;

function columns(year: number): RegisterColumn<Row>[] {
  const item = (r: Row) => toItem(r, r.personal);
  return [
    { header: 'Họ và tên', width: 26, value: (r) => r.record.fullName },
    { header: 'Đối tượng', width: 14, value: (r) => (r.record.memberId ? 'Đoàn viên' : 'Thanh niên') },
    { header: 'Năm sinh', width: 9, value: (r) => r.record.birthYear },
    { header: 'Giới tính', width: 9, value: (r) => GENDER[r.record.gender as keyof typeof GENDER] ?? '' },
    { header: 'Đơn vị', width: 26, value: (r) => r.unitName },
    { header: 'Địa chỉ', width: 28, value: (r) => r.record.address ?? '' },
    { header: 'Điện thoại', width: 13, value: (r) => item(r).phone ?? '' },
    {
      header: 'Diện chăm lo',
      width: 28,
      value: (r) => r.record.categories.map((c) => CARE_CATEGORY_LABELS[c as CareCategory] ?? c).join('; '),
    },
    { header: 'Hoàn cảnh', width: 40, value: (r) => r.record.situation ?? '' },
    { header: `Số lần hỗ trợ năm ${year}`, width: 12, value: (r) => Number(r.givenCount) },
    { header: `Giá trị hỗ trợ năm ${year} (đồng)`, width: 16, value: (r) => Number(r.givenAmount) },
    {
      header: 'Hỗ trợ dự kiến',
      width: 30,
      value: (r) => (r.plannedOn ? `${formatDateVi(r.plannedOn)}: ${r.plannedWhat ?? ''}` : ''),
    },
    { header: 'Trạng thái', width: 14, value: (r) => STATUS[r.record.status as keyof typeof STATUS] ?? '' },
  ];
}

/** An authorised, audited export of a care list, ready to stream. */
export async function prepareCareExport(db: Db, ctx: Ctx, query: Omit<z.output<typeof careListQuery>, 'limit'>) {
  const { unit, filter } = await careFilter(db, ctx.actor, query);
  const rows = await q.countRecords(db, filter);
  const today = todayInVietnam();
  await audit(db, ctx, {
    entity: 'care_export',
    entityId: null,
    action: 'export',
    unitId: unit.id,
    unitPath: unit.path,
    after: { rows, status: query.status, category: query.category ?? null, year: yearOf(query.year) },
  });
  return {
    unit,
    filter,
    rows,
    year: yearOf(query.year),
    today,
    fileName: `danh-sach-cham-lo-${unit.code}-${today.replace(/-/g, '')}.xlsx`,
  };
}

/** Streams the care list as one .xlsx sheet into `out`. */
export async function writeCareExport(
  db: Db,
  actor: Actor,
  prep: Awaited<ReturnType<typeof prepareCareExport>>,
  out: Writable,
): Promise<void> {
  const workbook = registerWorkbook(out);
  await writeRegisterSheet(
    workbook,
    out,
    'Danh sách chăm lo',
    {
      unitName: prep.unit.name,
      title: 'DANH SÁCH ĐOÀN VIÊN, THANH NIÊN CẦN QUAN TÂM, CHĂM LO',
      subtitle: `Năm ${prep.year} – Ngày ${formatDateVi(prep.today)}`,
    },
    columns(prep.year),
    keysetBatches(
      async (after: [string, string] | undefined, limit) =>
        (await q.listRecords(db, prep.filter, limit, after)).map((r) => ({
          ...r,
          personal: seesPersonalData(actor, r.unitPath),
        })),
      (r) => [r.sortKey, r.record.id] as [string, string],
    ),
  );
  await workbook.commit();
}
