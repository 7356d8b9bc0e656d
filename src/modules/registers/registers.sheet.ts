import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from '../../domain/members/import-headers.js';

/** A column of a register: header, width and the cell of a row. */
export interface RegisterColumn<R> {
  header: string;
  width: number;
  /** A date as a `Date` (formatted dd/mm/yyyy), else text or a number. */
  value(row: R): CellValue;
}

/** The lines above the table: unit, title, date (and year). */
export interface RegisterHeading {
  unitName: string;
  title: string;
  subtitle: string;
}

const TITLE_ROWS = 4;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** A streaming workbook writing into `out`. */
export function registerWorkbook(out: Writable): ExcelJS.stream.xlsx.WorkbookWriter {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
}

/**
 * Writes one sheet in the layout of the member list export: unit, title, date, header, then numbered rows
 * (batch by batch, waiting for the stream to drain). Returns how many rows were written.
 */
export async function writeRegisterSheet<R>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  out: Writable,
  name: string,
  heading: RegisterHeading,
  columns: readonly RegisterColumn<R>[],
  batches: AsyncIterable<R[]>,
): Promise<number> {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))];
  const last = columns.length + 1;
  const title = (row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center') => {
    sheet.mergeCells(row, 1, row, horizontal === 'left' ? Math.min(6, last) : last);
    const r = sheet.getRow(row);
    r.getCell(1).value = text;
    r.getCell(1).font = font;
    r.getCell(1).alignment = { horizontal };
    r.commit();
  };
  title(1, heading.unitName, { bold: true }, 'left');
  title(2, heading.title, { bold: true, size: 14 }, 'center');
  title(3, heading.subtitle, { italic: true }, 'center');
  const header = sheet.getRow(TITLE_ROWS + 1);
  header.values = ['STT', ...columns.map((c) => c.header)];
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
  });
  header.commit();
  let n = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      n++;
      const r = sheet.addRow([n, ...columns.map((c) => c.value(row))]);
      r.eachCell({ includeEmpty: true }, (cell) => {
        cell.border = BORDER;
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
      r.commit();
    }
    await drained(out);
  }
  await sheet.commit();
  return n;
}

/** Pages of a keyset query, `size` rows at a time, until a short page. */
export async function* keysetBatches<R, K>(
  fetch: (after: K | undefined, limit: number) => Promise<R[]>,
  keyOf: (row: R) => K,
  size = 2000,
): AsyncGenerator<R[]> {
  let after: K | undefined;
  for (;;) {
    const page = await fetch(after, size);
    if (page.length > 0) yield page;
    const last = page[page.length - 1];
    if (page.length < size || !last) return;
    after = keyOf(last);
  }
}

/** A Date cell from an ISO date (dd/mm/yyyy in the sheet), null when missing. */
export function dateCell(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}
