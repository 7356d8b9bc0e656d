import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { ImportJobDto } from '../../contracts/member-import.js';
import type { CellValue } from '../../domain/members/import-headers.js';
import type { TestApp } from '../../../tests/helpers/test-app.js';

/** Title rows of a "Danh sách đoàn viên" as cadres make it (rows 1-4; the header goes on row 5). */
export const TITLE_ROWS: CellValue[][] = [
  ['ĐOÀN TNCS HỒ CHÍ MINH', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['ĐOÀN PHƯỜNG HẢI CHÂU'],
  ['DANH SÁCH ĐOÀN VIÊN'],
  [],
];

/** An .xlsx built with exceljs: one sheet with the rows given (dates as Date cells). */
export async function buildXlsx(rows: CellValue[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row, i) => {
    const r = sheet.getRow(i + 1);
    row.forEach((value, j) => {
      if (value === null) return;
      const cell = r.getCell(j + 1);
      cell.value = value;
      if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every sheet row of an .xlsx as plain values, by row number (1-based, empty rows kept). */
export async function readXlsx(bytes: Buffer): Promise<{ rows: unknown[][]; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as unknown[]).slice(1);
  });
  return { rows: Array.from(rows, (r) => r ?? []), sheet };
}

/** A multipart/form-data body with text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer } | null,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----doanso${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file for an import. */
export async function upload(
  t: TestApp,
  cookie: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer } | null,
): Promise<LightMyRequestResponse> {
  const body = multipart(fields, file);
  return t.app.inject({
    method: 'POST',
    url: '/api/member-imports',
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

/** Polls a job until it reaches one of the statuses (fails after 60 s). */
export async function waitFor(
  t: TestApp,
  cookie: string,
  jobId: string,
  statuses: ImportJobDto['status'][] = ['dry_run_ready', 'failed', 'done'],
): Promise<ImportJobDto> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await t.call('GET', `/api/member-imports/${jobId}`, cookie);
    if (res.statusCode !== 200) throw new Error(`job ${jobId}: ${res.statusCode} ${res.body}`);
    const job = res.json<ImportJobDto>();
    if (statuses.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`job ${jobId} stuck in ${job.status}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Uploads and waits for the dry run. */
export async function dryRun(
  t: TestApp,
  cookie: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer },
): Promise<ImportJobDto> {
  const res = await upload(t, cookie, fields, file);
  if (res.statusCode !== 202) throw new Error(`upload: ${res.statusCode} ${res.body}`);
  return waitFor(t, cookie, res.json<ImportJobDto>().id);
}
