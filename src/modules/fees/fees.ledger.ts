import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import { FEE_CLASS_LABELS, feeRuleOfMonth, feeSplit, type FeeRateClass } from '../../domain/branch-life/fee-rates.js';
import { monthLabel, monthsBetween } from '../../domain/branch-life/months.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { branchRows, getFees } from './fees.read.js';
import * as q from './fees.queries.js';
import { keysetBatches } from '../registers/registers.sheet.js';
import { addLedgerSheet, type LedgerCell, type LedgerColumn, type LedgerHeading } from './fees.sheet.js';

type Ctx = RequestContext & { actor: Actor };
type Unit = Awaited<ReturnType<typeof loadForAction>>;

const MONEY = (header: string, width = 14): LedgerColumn => ({ header, width, money: true });
const dateCell = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

async function branchLedger(db: Db, actor: Actor, unit: Unit, year: number, wb: ExcelJS.Workbook, head: LedgerHeading) {
  const view = await getFees(db, actor, { unitId: unit.id, year, limit: 1 });
  if (view.kind !== 'branch') return;
  const [payments, periods] = await Promise.all([q.branchPaymentsOfYear(db, unit.id, year), q.feeRulePeriods(db)]);
  const months = monthsBetween(`${year}-01`, `${year}-12`);
  const monthRows = months.map((m) => {
    const own = payments.filter((p) => p.payment.month === m);
    const collected = sum(own.map((p) => p.payment.amount));
    const split = feeSplit(collected, feeRuleOfMonth(periods, m).branchKeepsPercent);
    return [`Tháng ${monthLabel(m)}`, own.length, collected, split.kept, split.passedUp] as LedgerCell[];
  });
  addLedgerSheet(
    wb,
    'Tổng hợp theo tháng',
    head,
    [
      { header: 'Tháng', width: 16 },
      { header: 'Số lượt đóng', width: 12 },
      MONEY('Số tiền thu (đồng)'),
      MONEY('Chi đoàn giữ lại (đồng)'),
      MONEY('Nộp cấp trên (đồng)'),
    ],
    monthRows,
    ['Cộng', sum(monthRows.map((r) => r[1] as number)), view.totals.collected, view.totals.kept, view.totals.passedUp],
  );
  const memberRows = view.members.map((m) => {
    const cells = months.map((mo) => m.paid.find((p) => p.month === mo)?.amount ?? null);
    return [
      m.fullName,
      FEE_CLASS_LABELS[m.rateClass],
      ...cells,
      sum(m.paid.map((p) => p.amount)),
      m.paidUpTo ? monthLabel(m.paidUpTo) : '',
      m.owed?.count ?? 0,
      m.owed?.amount ?? 0,
    ] as LedgerCell[];
  });
  addLedgerSheet(
    wb,
    'Đoàn viên',
    head,
    [
      { header: 'Họ và tên', width: 26 },
      { header: 'Mức đóng', width: 16 },
      ...months.map((m) => MONEY(`T${Number(m.slice(5))}`, 8)),
      MONEY('Cộng (đồng)', 12),
      { header: 'Đóng đến tháng', width: 12 },
      { header: 'Số tháng nợ', width: 10 },
      MONEY('Số tiền nợ (đồng)', 12),
    ],
    memberRows,
  );
  addLedgerSheet(
    wb,
    'Chi tiết thu',
    head,
    [
      { header: 'Ngày thu', width: 12 },
      { header: 'Họ và tên', width: 26 },
      { header: 'Tháng', width: 10 },
      { header: 'Mức đóng', width: 16 },
      MONEY('Số tiền (đồng)', 12),
      { header: 'Ghi chú', width: 30 },
    ],
    payments.map(({ payment: p, fullName }) => [
      dateCell(p.collectedOn),
      fullName,
      monthLabel(p.month),
      FEE_CLASS_LABELS[p.rateClass as FeeRateClass],
      p.amount,
      p.note ?? '',
    ]),
  );
}

async function unitLedger(db: Db, actor: Actor, unit: Unit, year: number, wb: ExcelJS.Workbook, head: LedgerHeading) {
  const scope = scopeOf(actor, 'member.read');
  const rows: LedgerCell[][] = [];
  const totals = [0, 0, 0, 0, 0];
  const pages = keysetBatches(
    (after: [string, string] | undefined, limit) =>
      q.branchesPage(db, { unitPath: unit.path, scope, year, after, limit }).then((r) => r.slice(0, limit)),
    (b) => [b.name, b.id] as [string, string],
    500,
  );
  for await (const page of pages) {
    for (const r of await branchRows(db, actor, unit.path, year, page)) {
      const values = [r.members, r.collected, r.kept, r.passedUp, r.overdue];
      values.forEach((v, i) => (totals[i]! += v));
      rows.push([r.name, r.parentName ?? '', ...values]);
    }
  }
  const overdueMonths = feeRuleOfMonth(await q.feeRulePeriods(db), todayInVietnam().slice(0, 7)).overdueMonths;
  addLedgerSheet(
    wb,
    'Các chi đoàn',
    head,
    [
      { header: 'Chi đoàn', width: 30 },
      { header: 'Trực thuộc', width: 26 },
      { header: 'Số đoàn viên', width: 10 },
      MONEY('Đã thu (đồng)'),
      MONEY('Chi đoàn giữ lại (đồng)'),
      MONEY('Nộp cấp trên (đồng)'),
      { header: `Nợ từ ${overdueMonths} tháng (người)`, width: 12 },
    ],
    rows,
    ['Cộng', '', ...totals],
  );
}

/** The fee ledger of a unit for a year as .xlsx (member.read; audited as an export). */
export async function feeLedger(db: Db, ctx: Ctx, unitId: string, year: number) {
  const unit = await loadForAction(db, ctx.actor, unitId, 'member.read');
  const today = todayInVietnam();
  const head = {
    unitName: unit.name,
    title: `SỔ THU, NỘP ĐOÀN PHÍ NĂM ${year}`,
    subtitle: `Năm ${year} – Ngày ${formatDateVi(today)}`,
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Số';
  const branch = await q.isBranchKind(db, unit.kind);
  if (branch) await branchLedger(db, ctx.actor, unit, year, wb, head);
  else await unitLedger(db, ctx.actor, unit, year, wb, head);
  await audit(db, ctx, {
    entity: 'fee_ledger',
    entityId: null,
    action: 'export',
    unitId: unit.id,
    unitPath: unit.path,
    after: { year, branch },
  });
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, fileName: `so-doan-phi-${unit.code}-${year}.xlsx` };
}
