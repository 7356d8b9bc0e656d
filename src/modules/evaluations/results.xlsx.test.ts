import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { evaluationResultsXlsx, type EvaluationResultsInput, type ResultsRow } from './results.xlsx.js';

const row = (over: Partial<ResultsRow>): ResultsRow => ({
  subjectName: 'Đoàn phường Hải Châu',
  unitName: 'Thành đoàn Đà Nẵng',
  stepLabel: 'Quyết định',
  statusLabel: 'Đã công nhận',
  selfTotal: 3,
  selfClassLabel: 'Đạt',
  total: 3,
  classLabel: 'Đạt',
  overrideReason: null,
  scores: { 'c1.1': 1, 'c1.2': 1, 'c2.1': 1 },
  decidedOn: '2025-12-20',
  ...over,
});

const INPUT: EvaluationResultsInput = {
  title: 'Kết quả đánh giá Đoàn cơ sở 3 chủ động năm 2025 — Thành đoàn Đà Nẵng',
  criteria: [
    {
      key: 'c1',
      ref: '1',
      title: 'Chủ động thực hiện quản lý đoàn viên',
      items: [
        { key: 'c1.1', ref: '1.1', text: 'Quản lý đoàn viên trên phần mềm', max: 1 },
        { key: 'c1.2', ref: '1.2', text: 'Nắm bắt tình hình thanh niên', max: 1.5 },
      ],
    },
    {
      key: 'c2',
      title: 'Chủ động xây dựng kế hoạch',
      items: [{ key: 'c2.1', text: 'Có kế hoạch năm', max: 1 }],
    },
  ],
  classes: [
    { key: 'recognised', label: 'Đạt' },
    { key: 'notRecognised', label: 'Chưa đạt' },
  ],
  rows: [
    row({}),
    row({
      subjectName: 'Đoàn phường Thanh Khê',
      selfTotal: 3,
      selfClassLabel: 'Đạt',
      total: 2,
      classLabel: 'Chưa đạt',
      overrideReason: 'Chưa cập nhật phần mềm quản lý đoàn viên',
      scores: { 'c1.1': 0, 'c1.2': 1 },
    }),
    row({
      subjectName: 'Đoàn xã Hòa Vang',
      stepLabel: 'Tự đánh giá',
      statusLabel: 'Đang tự đánh giá',
      selfTotal: null,
      selfClassLabel: null,
      total: null,
      classLabel: null,
      scores: {},
      decidedOn: null,
    }),
    row({ subjectName: 'Đoàn phường Sơn Trà', scores: { 'c1.1': 1, 'c1.2': 1.5, 'c2.1': 1 }, total: 3.5 }),
  ],
};

async function load(input: EvaluationResultsInput): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await evaluationResultsXlsx(input)) as unknown as ArrayBuffer);
  return wb;
}

const values = (sheet: ExcelJS.Worksheet, r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
const noteText = (cell: ExcelJS.Cell) => {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  return typeof note === 'string' ? note : (note?.texts ?? []).map((t) => t.text).join('');
};

describe('evaluationResultsXlsx', () => {
  it('writes the four sheets with the title and frozen headers', async () => {
    const wb = await load(INPUT);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Kết quả', 'Điểm chi tiết', 'Tổng hợp', 'Đề nghị khen thưởng']);
    for (const sheet of wb.worksheets) {
      expect(sheet.getCell(2, 1).value).toBe(INPUT.title);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    }
  });

  it('lists one row per subject with totals, classes, reason and the decision date', async () => {
    const sheet = (await load(INPUT)).getWorksheet('Kết quả')!;
    expect(values(sheet, 5)).toEqual([
      'STT',
      'Đối tượng đánh giá',
      'Đơn vị',
      'Bước',
      'Trạng thái',
      'Tự chấm (điểm)',
      'Tự xếp loại',
      'Điểm',
      'Xếp loại',
      'Lý do điều chỉnh',
      'Ngày quyết định',
    ]);
    expect(sheet.rowCount).toBe(5 + INPUT.rows.length);
    expect(values(sheet, 7).slice(0, 10)).toEqual([
      2,
      'Đoàn phường Thanh Khê',
      'Thành đoàn Đà Nẵng',
      'Quyết định',
      'Đã công nhận',
      3,
      'Đạt',
      2,
      'Chưa đạt',
      'Chưa cập nhật phần mềm quản lý đoàn viên',
    ]);
    const decided = sheet.getCell(6, 11);
    expect(decided.value).toEqual(new Date('2025-12-20T00:00:00Z'));
    expect(decided.numFmt).toBe('dd/mm/yyyy');
    expect(sheet.getCell(8, 8).value).toBeNull();
    expect(sheet.getCell(8, 11).value).toBeNull();
  });

  it('gives each item a column headed by its number, with its text as a note', async () => {
    const sheet = (await load(INPUT)).getWorksheet('Điểm chi tiết')!;
    expect(values(sheet, 5)).toEqual(['STT', 'Đối tượng đánh giá', 'Đơn vị', '1.1', '1.2', 'c2.1', 'Tổng điểm']);
    expect(sheet.getCell(4, 4).value).toBe('Tiêu chí 1');
    expect(sheet.getCell(4, 6).value).toBe('Tiêu chí 2');
    expect(noteText(sheet.getCell(5, 5))).toBe('1.2. Nắm bắt tình hình thanh niên (tối đa 1,5 điểm)');
    expect(noteText(sheet.getCell(4, 4))).toBe('Chủ động thực hiện quản lý đoàn viên');
    expect(values(sheet, 7)).toEqual([2, 'Đoàn phường Thanh Khê', 'Thành đoàn Đà Nẵng', 0, 1, undefined, 2]);
    expect(values(sheet, 9).slice(3)).toEqual([1, 1.5, 1, 3.5]);
    expect(sheet.views[0]).toMatchObject({ xSplit: 3 });
  });

  it('counts each class with its share, the unrated last', async () => {
    const sheet = (await load(INPUT)).getWorksheet('Tổng hợp')!;
    expect(values(sheet, 5)).toEqual(['STT', 'Xếp loại', 'Số lượng', 'Tỷ lệ']);
    expect([6, 7, 8].map((r) => values(sheet, r))).toEqual([
      [1, 'Đạt', 2, 0.5],
      [2, 'Chưa đạt', 1, 0.25],
      [3, 'Chưa xếp loại', 1, 0.25],
    ]);
    expect(values(sheet, 9).slice(1)).toEqual(['Cộng', 4, 1]);
    expect(sheet.getCell(6, 4).numFmt).toBe('0.0%');
  });

  it('writes an empty cycle without a share', async () => {
    const sheet = (await load({ ...INPUT, rows: [] })).getWorksheet('Tổng hợp')!;
    expect(values(sheet, 6).slice(0, 3)).toEqual([1, 'Đạt', 0]);
    expect(sheet.getCell(6, 4).value).toBeNull();
    expect(values(sheet, 8).slice(1, 3)).toEqual(['Cộng', 0]);
  });

  it('lists for commendation only the subjects decided in the best class', async () => {
    const rows = [
      row({}),
      row({ subjectName: 'Đoàn phường Thanh Khê', classLabel: 'Chưa đạt' }),
      row({ subjectName: 'Đoàn phường Sơn Trà', decidedOn: null }),
    ];
    const sheet = (await load({ ...INPUT, rows })).getWorksheet('Đề nghị khen thưởng')!;
    expect(sheet.getCell(3, 1).value).toBe('Danh sách đề nghị khen thưởng – 1 đối tượng đạt "Đạt"');
    expect(values(sheet, 6).slice(0, 5)).toEqual([1, 'Đoàn phường Hải Châu', 'Thành đoàn Đà Nẵng', 3, 'Đạt']);
    expect(sheet.getCell(7, 2).value).not.toBe('Đoàn phường Sơn Trà');
    expect(sheet.getCell(7, 2).value).not.toBe('Đoàn phường Thanh Khê');
  });
});
