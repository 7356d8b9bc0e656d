import ExcelJS from 'exceljs';
import {
  ATTENDANCE_MARKS,
  markGrid,
  MEETING_FORM_LABELS,
  MEETING_STATUS_LABELS,
  yearMonths,
} from '../../domain/branch-life/branch-book.js';
import { monthLabel } from '../../domain/branch-life/months.js';
import { STATUS_LABELS, type MemberStatus } from '../../domain/members/reference-lists.js';
import { formatDateVi } from '../../domain/text/dates.js';
import type { BookData } from './branch-book.service.js';

type Cell = string | number | null;

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

const date = (v: string | null) => (v ? formatDateVi(v) : '');

/** Adds a sheet: a title line, a bold header row, then the rows, all bordered. */
function addSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  header: [text: string, width: number][],
  body: Cell[][],
): ExcelJS.Worksheet {
  const sheet = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = header.map(([, width]) => ({ width }));
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  const head = sheet.getRow(3);
  header.forEach(([text], i) => {
    const c = head.getCell(i + 1);
    c.value = text;
    c.font = { bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  body.forEach((values, r) => {
    const row = sheet.getRow(4 + r);
    values.forEach((v, i) => {
      const c = row.getCell(i + 1);
      c.value = v;
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
    });
  });
  return sheet;
}

/** The branch book as an .xlsx workbook: Đoàn viên, Sinh hoạt, Điểm danh, Đoàn phí, Nhận xét, Xếp loại. */
export async function branchBookXlsx(data: BookData): Promise<Buffer> {
  const { book, attendance, fees } = data;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Đoàn Số';
  const heading = (what: string) => `${what} – ${book.branch.name} – năm ${book.year}`;
  const members = book.members;

  addSheet(
    wb,
    'Đoàn viên',
    heading('Danh sách đoàn viên'),
    [
      ['STT', 6],
      ['Họ và tên', 28],
      ['Ngày sinh', 12],
      ['Giới tính', 10],
      ['Chức vụ', 18],
      ['Ngày vào Đoàn', 14],
      ['Tình trạng', 24],
      ['Đóng đoàn phí đến', 14],
    ],
    members.map((m, i) => [
      i + 1,
      m.fullName,
      date(m.birthDate),
      m.gender === 'male' ? 'Nam' : m.gender === 'female' ? 'Nữ' : 'Khác',
      m.position ?? '',
      date(m.joinedOn),
      m.hosted ? 'Sinh hoạt tạm thời tại chi đoàn' : (STATUS_LABELS[m.status as MemberStatus] ?? m.status),
      m.paidUpTo ? monthLabel(m.paidUpTo) : '',
    ]),
  );

  addSheet(
    wb,
    'Sinh hoạt',
    heading('Sinh hoạt chi đoàn'),
    [
      ['STT', 6],
      ['Kỳ', 10],
      ['Trạng thái', 14],
      ['Ngày', 12],
      ['Hình thức', 18],
      ['Chủ đề', 30],
      ['Phải dự', 9],
      ['Có mặt', 9],
      ['Vắng có phép', 10],
      ['Vắng không phép', 10],
      ['Tóm tắt biên bản', 50],
    ],
    book.meetings.map((m, i) => [
      i + 1,
      monthLabel(m.period),
      MEETING_STATUS_LABELS[m.status] ?? m.status,
      date(m.heldOn ?? m.plannedOn),
      MEETING_FORM_LABELS[m.form] ?? m.form,
      m.topic ?? '',
      m.expected,
      m.present,
      m.excused,
      m.absent,
      m.minutes ?? '',
    ]),
  );

  const held = book.meetings.filter((m) => m.status === 'held');
  const grid = markGrid(
    members.map((m) => m.id),
    held.map((m) => m.id),
    attendance.map((a) => ({ row: a.memberId, column: a.meetingId, mark: ATTENDANCE_MARKS[a.status] ?? '' })),
  );
  const sheet = addSheet(
    wb,
    'Điểm danh',
    heading('Điểm danh (x: có mặt, P: vắng có phép, K: vắng không phép)'),
    [
      ['STT', 6],
      ['Họ và tên', 28],
      ...held.map((m): [string, number] => [m.heldOn ? formatDateVi(m.heldOn) : monthLabel(m.period), 11]),
    ],
    members.map((m, i) => [i + 1, m.fullName, ...(grid[i] ?? [])]),
  );
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 3 }];

  const months = yearMonths(book.year);
  const feeGrid = markGrid(
    members.map((m) => m.id),
    months,
    fees.map((f) => ({ row: f.memberId, column: f.month, mark: String(f.amount) })),
  );
  addSheet(
    wb,
    'Đoàn phí',
    heading('Thu đoàn phí (đồng)'),
    [
      ['STT', 6],
      ['Họ và tên', 28],
      ...months.map((m): [string, number] => [`T${Number(m.slice(5))}`, 8]),
      ['Cộng', 10],
    ],
    members.map((m, i) => {
      const cells = (feeGrid[i] ?? []).map((v) => (v === '' ? null : Number(v)));
      return [i + 1, m.fullName, ...cells, cells.reduce<number>((s, v) => s + (v ?? 0), 0)];
    }),
  );

  addSheet(
    wb,
    'Nhận xét',
    heading('Nhận xét đoàn viên'),
    [
      ['STT', 6],
      ['Họ và tên', 28],
      ['Nhận xét', 80],
    ],
    book.comments.map((c, i) => [i + 1, c.fullName, c.content]),
  );

  addSheet(
    wb,
    'Xếp loại',
    heading('Xếp loại đoàn viên'),
    [
      ['STT', 6],
      ['Họ và tên', 28],
      ['Xếp loại', 30],
    ],
    book.ratings.items.length > 0
      ? book.ratings.items.map((r, i) => [i + 1, r.fullName, r.rating])
      : [['', book.ratings.note, '']],
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}
