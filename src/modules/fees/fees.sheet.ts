import type ExcelJS from 'exceljs';

/** A column of a ledger sheet. */
export interface LedgerColumn {
  header: string;
  width: number;
  /** Amounts (VND): formatted with thousands separators. */
  money?: boolean;
}

/** A cell of a ledger row: text, number, a date (shown dd/mm/yyyy) or empty. */
export type LedgerCell = string | number | Date | null;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const TITLE_ROWS = 4;

/** The lines above a ledger table. */
export interface LedgerHeading {
  unitName: string;
  title: string;
  subtitle: string;
}

/**
 * Adds a sheet in the layout of the registers (unit, title, subtitle, header, numbered rows), with amounts as
 * "#,##0", dates as dd/mm/yyyy and an optional bold total row.
 */
export function addLedgerSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: LedgerHeading,
  columns: readonly LedgerColumn[],
  rows: readonly LedgerCell[][],
  total?: LedgerCell[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: TITLE_ROWS + 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))];
  const last = columns.length + 1;
  const title = (row: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'left' | 'center') => {
    sheet.mergeCells(row, 1, row, horizontal === 'left' ? Math.min(6, last) : last);
    const cell = sheet.getRow(row).getCell(1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { horizontal };
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
  const style = (row: ExcelJS.Row) =>
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      else if (columns[col - 2]?.money && typeof cell.value === 'number') cell.numFmt = '#,##0';
    });
  rows.forEach((r, i) => style(sheet.addRow([i + 1, ...r])));
  if (total) {
    const row = sheet.addRow(['', ...total]);
    style(row);
    row.font = { bold: true };
  }
  return sheet;
}
