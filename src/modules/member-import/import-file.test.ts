import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readSheets, sniffFile } from './import-file.js';
import { buildXlsx } from './member-import.fixtures.js';

const NAMES = ['Nguyễn Thị Ánh Tuyết', 'Phạm Thị Quân', 'Đặng Hữu Phước', 'Huỳnh Ngọc Trường', 'Võ Thị Diễm Hương'];
const rowsOf = (n: number) => Array.from({ length: n }, (_v, i) => [i + 1, NAMES[i % NAMES.length]!, 'Đà Nẵng']);

async function streamed(rows: (string | number)[][]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Đoàn viên');
  for (const row of rows) sheet.addRow(row).commit();
  await sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

async function readAll(bytes: Buffer) {
  const out: { sheet: string; cells: unknown[] }[] = [];
  for await (const sheet of readSheets(sniffFile('a.xlsx', bytes), bytes))
    for await (const row of sheet.rows) out.push({ sheet: sheet.name, cells: row.cells });
  return out;
}

describe('reading .xlsx', () => {
  it('keeps Vietnamese letters whole across chunk boundaries, inline and shared strings', async () => {
    const rows = rowsOf(8000);
    for (const bytes of [await streamed(rows), await buildXlsx(rows, 'Đoàn viên')]) {
      const read = await readAll(bytes);
      expect(read).toHaveLength(rows.length);
      expect(read[0]!.sheet).toBe('Đoàn viên');
      expect(read.filter((r) => JSON.stringify(r.cells).includes('\ufffd'))).toEqual([]);
      expect(read.map((r) => r.cells)).toEqual(rows);
    }
  });
});
