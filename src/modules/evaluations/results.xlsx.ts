import ExcelJS from 'exceljs';
import { addLedgerSheet, type LedgerCell, type LedgerColumn, type LedgerHeading } from '../fees/fees.sheet.js';

/** An item of a criterion as the detail sheet heads its column. */
export interface ResultsItem {
  key: string;
  /** Numbering in the source document ("1.1"); the key when absent. */
  ref?: string;
  text: string;
  max: number;
}

/** A criterion and its items, in the order of the set. */
export interface ResultsCriterion {
  key: string;
  ref?: string;
  title: string;
  items: ResultsItem[];
}

/** One evaluated subject (member, branch or đoàn cơ sở) of the cycle. */
export interface ResultsRow {
  subjectName: string;
  unitName: string;
  stepLabel: string;
  statusLabel: string;
  selfTotal: number | null;
  selfClassLabel: string | null;
  total: number | null;
  classLabel: string | null;
  /** Why the reviewing level changed the subject's own scoring, if it did. */
  overrideReason: string | null;
  /** Item key -> points in force. */
  scores: Record<string, number>;
  /** ISO date of the decision, written dd/mm/yyyy. */
  decidedOn: string | null;
}

/** What the results workbook of an evaluation cycle shows. */
export interface EvaluationResultsInput {
  /** "Kết quả đánh giá Đoàn cơ sở 3 chủ động năm 2025 — Tỉnh Đoàn X". */
  title: string;
  criteria: ResultsCriterion[];
  /** The classes of the set, best first. */
  classes: { key: string; label: string }[];
  rows: ResultsRow[];
}

/** First line of every sheet, above the title. */
const ISSUER_LINE = 'ĐOÀN TNCS HỒ CHÍ MINH';
/** The header row of a ledger sheet (three title lines and a blank line above it). */
const HEADER_ROW = 5;
const UNRATED = 'Chưa xếp loại';

const dateCell = (iso: string | null): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

function heading(input: EvaluationResultsInput, subtitle: string): LedgerHeading {
  return { unitName: ISSUER_LINE, title: input.title, subtitle };
}

const RESULT_COLUMNS: LedgerColumn[] = [
  { header: 'Đối tượng đánh giá', width: 32 },
  { header: 'Đơn vị', width: 28 },
  { header: 'Bước', width: 18 },
  { header: 'Trạng thái', width: 18 },
  { header: 'Tự chấm (điểm)', width: 10 },
  { header: 'Tự xếp loại', width: 24 },
  { header: 'Điểm', width: 9 },
  { header: 'Xếp loại', width: 24 },
  { header: 'Lý do điều chỉnh', width: 36 },
  { header: 'Ngày quyết định', width: 13 },
];

function resultCells(row: ResultsRow): LedgerCell[] {
  return [
    row.subjectName,
    row.unitName,
    row.stepLabel,
    row.statusLabel,
    row.selfTotal,
    row.selfClassLabel,
    row.total,
    row.classLabel,
    row.overrideReason,
    dateCell(row.decidedOn),
  ];
}

/** Sheet 1: one row per subject with its step, state, own and final totals and classes. */
function addResultsSheet(wb: ExcelJS.Workbook, input: EvaluationResultsInput): void {
  const sheet = addLedgerSheet(
    wb,
    'Kết quả',
    heading(input, `Số đối tượng: ${input.rows.length}`),
    RESULT_COLUMNS,
    input.rows.map(resultCells),
  );
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }];
}

const itemHeader = (item: ResultsItem) => item.ref ?? item.key;
const criterionHeader = (c: ResultsCriterion, i: number) => `Tiêu chí ${c.ref ?? i + 1}`;
const pointsText = (n: number) => String(n).replace('.', ',');

/** Heads each criterion's items with "Tiêu chí 1" on the row above the header, its title as a note. */
function headCriteria(sheet: ExcelJS.Worksheet, criteria: readonly ResultsCriterion[], firstColumn: number): void {
  let column = firstColumn;
  criteria.forEach((criterion, i) => {
    const count = criterion.items.length;
    if (count === 0) return;
    if (count > 1) sheet.mergeCells(HEADER_ROW - 1, column, HEADER_ROW - 1, column + count - 1);
    const cell = sheet.getRow(HEADER_ROW - 1).getCell(column);
    cell.value = criterionHeader(criterion, i);
    cell.note = criterion.title;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    column += count;
  });
}

/** Puts each item's text and most points as a note on its header cell ("1.1"). */
function noteItems(sheet: ExcelJS.Worksheet, items: readonly ResultsItem[], firstColumn: number): void {
  items.forEach((item, i) => {
    sheet.getRow(HEADER_ROW).getCell(firstColumn + i).note =
      `${itemHeader(item)}. ${item.text} (tối đa ${pointsText(item.max)} điểm)`;
  });
}

/** Sheet 2: one column per item ("1.1", its text as a note), the points in force of each subject, then the total. */
function addScoresSheet(wb: ExcelJS.Workbook, input: EvaluationResultsInput): void {
  const items = input.criteria.flatMap((c) => c.items);
  const columns: LedgerColumn[] = [
    { header: 'Đối tượng đánh giá', width: 32 },
    { header: 'Đơn vị', width: 28 },
    ...items.map((item) => ({ header: itemHeader(item), width: 7 })),
    { header: 'Tổng điểm', width: 10 },
  ];
  const rows = input.rows.map((row): LedgerCell[] => [
    row.subjectName,
    row.unitName,
    ...items.map((item) => row.scores[item.key] ?? null),
    row.total,
  ]);
  const subtitle = 'Điểm đang có hiệu lực theo từng mục (rê chuột vào tiêu đề cột để xem nội dung mục)';
  const sheet = addLedgerSheet(wb, 'Điểm chi tiết', heading(input, subtitle), columns, rows);
  const firstItemColumn = 4;
  headCriteria(sheet, input.criteria, firstItemColumn);
  noteItems(sheet, items, firstItemColumn);
  sheet.views = [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }];
}

/** Labels in the order the summary lists them: the set's classes, any other label met, then the unrated. */
function classCounts(input: EvaluationResultsInput): [label: string, count: number][] {
  const counts = new Map<string, number>(input.classes.map((c) => [c.label, 0]));
  for (const row of input.rows) {
    const label = row.classLabel ?? UNRATED;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const unrated = counts.get(UNRATED);
  counts.delete(UNRATED);
  const listed = [...counts];
  return unrated ? [...listed, [UNRATED, unrated]] : listed;
}

/** Sheet 3: how many subjects reached each class and their share of all subjects. */
function addSummarySheet(wb: ExcelJS.Workbook, input: EvaluationResultsInput): void {
  const total = input.rows.length;
  const share = (n: number) => (total === 0 ? null : n / total);
  const rows = classCounts(input).map(([label, n]): LedgerCell[] => [label, n, share(n)]);
  const sheet = addLedgerSheet(
    wb,
    'Tổng hợp',
    heading(input, `Tổng hợp theo xếp loại – ${total} đối tượng`),
    [
      { header: 'Xếp loại', width: 36 },
      { header: 'Số lượng', width: 12 },
      { header: 'Tỷ lệ', width: 12 },
    ],
    rows,
    ['Cộng', total, share(total)],
  );
  for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) sheet.getRow(r).getCell(4).numFmt = '0.0%';
}

/**
 * Sheet 4: the list for commendation, the subjects whose decided class is the set's best (recognised, for the
 * recognition programmes), in the order of the results.
 */
function addCommendationSheet(wb: ExcelJS.Workbook, input: EvaluationResultsInput): void {
  const best = input.classes[0]?.label;
  const listed = input.rows.filter((row) => best !== undefined && row.decidedOn !== null && row.classLabel === best);
  addLedgerSheet(
    wb,
    'Đề nghị khen thưởng',
    heading(input, `Danh sách đề nghị khen thưởng – ${listed.length} đối tượng đạt "${best ?? ''}"`),
    [
      { header: 'Đối tượng đánh giá', width: 32 },
      { header: 'Đơn vị', width: 28 },
      { header: 'Điểm', width: 9 },
      { header: 'Xếp loại', width: 24 },
      { header: 'Ngày quyết định', width: 13 },
    ],
    listed.map((row): LedgerCell[] => [
      row.subjectName,
      row.unitName,
      row.total,
      row.classLabel,
      dateCell(row.decidedOn),
    ]),
  );
}

/**
 * The results of an evaluation cycle as an .xlsx workbook: "Kết quả" (one row per subject), "Điểm chi tiết" (the
 * points in force per item), "Tổng hợp" (count and share per class) and "Đề nghị khen thưởng" (the decided best
 * class). Frozen headers, dates dd/mm/yyyy.
 */
export async function evaluationResultsXlsx(input: EvaluationResultsInput): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Số';
  addResultsSheet(wb, input);
  addScoresSheet(wb, input);
  addSummarySheet(wb, input);
  addCommendationSheet(wb, input);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
