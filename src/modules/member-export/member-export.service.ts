import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client.js';
import { scopeOf, type Actor } from '../../auth/actor.js';
import type { MemberExportQuery } from '../../contracts/member-import.js';
import { csvField } from '../../domain/members/import-csv.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import type { MemberFilter } from '../members/members.filters.js';
import { countMembers, listMembers, type Cursor } from '../members/members.queries.js';
import { seesPersonalData } from '../members/members.service.js';
import { provinceOf } from '../org-units/org-units.history.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { csvText, EXPORT_COLUMNS, type ExportRow } from './member-export.columns.js';

type Ctx = RequestContext & { actor: Actor };

const BATCH = 2000;

/** An authorised, audited export, ready to be streamed. */
export interface PreparedExport {
  unit: { id: string; name: string; code: string; path: string };
  personal: boolean;
  scope: string[];
  filter: MemberFilter;
  sort: 'name' | 'birthDate';
  total: number;
  today: string;
}

/**
 * Checks `member.read` on the unit (404 outside the scope), counts the filtered list and writes the audit row
 * (filter, row count, whether CCCD and phone are shown) before anything is sent.
 */
export async function prepareExport(
  db: Db,
  ctx: Ctx,
  query: MemberExportQuery,
  format: 'xlsx' | 'csv',
): Promise<PreparedExport> {
  const unit = await loadForAction(db, ctx.actor, query.unitId, 'member.read');
  const scope = scopeOf(ctx.actor, 'member.read');
  const today = todayInVietnam();
  const { sort, ...filters } = query;
  const provinceId = await provinceOf(db, unit.path);
  const filter: MemberFilter = { ...filters, unitPath: unit.path, provinceId, today };
  const total = await countMembers(db, scope, filter);
  const personal = seesPersonalData(ctx.actor, unit.path);
  await audit(db, ctx, {
    entity: 'member_export',
    entityId: null,
    action: 'export',
    unitId: unit.id,
    unitPath: unit.path,
    after: { format, filter: query, rows: total, personal },
  });
  return { unit, personal, scope, filter, sort, total, today };
}

/** The filtered members in keyset batches of 2,000 (never the whole list at once). */
async function* batches(db: Db, prep: PreparedExport): AsyncGenerator<ExportRow[]> {
  let cursor: Cursor | undefined;
  for (;;) {
    const page = await listMembers(db, prep.scope, prep.filter, { sort: prep.sort, limit: BATCH, cursor });
    const rows = page.slice(0, BATCH);
    if (rows.length > 0) yield rows;
    const last = rows[rows.length - 1]?.member;
    if (page.length <= BATCH || !last) return;
    cursor = [prep.sort === 'name' ? last.sortKey : (last.birthDate ?? '9999-12-31'), last.id];
  }
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
}

const HEADERS = ['STT', ...EXPORT_COLUMNS.map((c) => c.header)];
const TITLE_ROWS = 4;

/** Streams the list as a "Danh sách đoàn viên" workbook: unit, title, date, header, numbered rows. */
export async function writeXlsx(db: Db, prep: PreparedExport, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Danh sách đoàn viên', {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, ...EXPORT_COLUMNS.map((c) => ({ width: c.width }))];
  const last = HEADERS.length;
  const title = (row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center') => {
    sheet.mergeCells(row, 1, row, horizontal === 'left' ? 6 : last);
    const r = sheet.getRow(row);
    r.getCell(1).value = text;
    r.getCell(1).font = font;
    r.getCell(1).alignment = { horizontal };
    r.commit();
  };
  title(1, prep.unit.name, { bold: true }, 'left');
  title(2, 'DANH SÁCH ĐOÀN VIÊN', { bold: true, size: 14 }, 'center');
  title(3, `Ngày ${formatDateVi(prep.today)}`, { italic: true }, 'center');
  const border: Partial<ExcelJS.Borders> = {
    top: { style: 'thin' },
    left: { style: 'thin' },
    bottom: { style: 'thin' },
    right: { style: 'thin' },
  };
  const header = sheet.getRow(TITLE_ROWS + 1);
  header.values = HEADERS;
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
  });
  header.commit();
  let n = 0;
  for await (const rows of batches(db, prep)) {
    for (const row of rows) {
      n++;
      const r = sheet.addRow([n, ...EXPORT_COLUMNS.map((c) => c.value(row, prep.personal))]);
      r.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = border;
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
      r.commit();
    }
    await drained(out);
  }
  await sheet.commit();
  await workbook.commit();
}

/** Streams the list as CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese), header, numbered rows. */
export async function writeCsv(db: Db, prep: PreparedExport, out: Writable): Promise<void> {
  out.write(`\ufeff${HEADERS.map(csvField).join(',')}\r\n`);
  let n = 0;
  for await (const rows of batches(db, prep)) {
    const lines = rows.map((row) => {
      n++;
      return [String(n), ...EXPORT_COLUMNS.map((c) => csvField(csvText(c.value(row, prep.personal))))].join(',');
    });
    out.write(`${lines.join('\r\n')}\r\n`);
    await drained(out);
  }
  out.end();
}
