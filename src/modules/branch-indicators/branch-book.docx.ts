import PizZip from 'pizzip';
import { MEETING_FORM_LABELS, NO_RATINGS } from '../../domain/branch-life/branch-book.js';
import { monthLabel } from '../../domain/branch-life/months.js';
import { cell, paragraph, run, table, TEXT_WIDTH } from '../../domain/documents/ooxml.js';
import { formatDateVi } from '../../domain/text/dates.js';
import { defaultTemplate } from '../documents/documents.render.js';
import type { BookData } from './branch-book.service.js';

const SIZE = 13;
const SMALL = 11;
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const SECTION =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>';

const text = (value: string, style: { bold?: boolean; italic?: boolean; size?: number } = {}) =>
  paragraph(run(value, { size: SIZE, ...style }), { align: 'both', after: 80 });
const heading = (value: string) =>
  paragraph(run(value, { bold: true, size: 14 }), { before: 240, after: 120, keepNext: true });
const centred = (value: string, size: number, bold = true) =>
  paragraph(run(value, { bold, size }), { align: 'center', after: 120 });

/** A bordered table: header row, then rows; widths as fractions of the text width. */
function grid(header: string[], body: string[][], fractions: number[]): string {
  const widths = fractions.map((f) => Math.floor(TEXT_WIDTH * f));
  const p = (v: string, bold = false) => paragraph(run(v, { bold, size: SMALL }), { before: 20, after: 20 });
  const rows = [
    header.map((h, i) => cell(p(h, true), widths[i] ?? 1000, 'center')),
    ...body.map((r) => r.map((v, i) => cell(p(v), widths[i] ?? 1000))),
  ];
  return table(rows, widths, { borders: true, header: true });
}

const date = (v: string | null) => (v ? formatDateVi(v) : '');

/** The printable branch book (for the superior's inspection): cover, members, meetings, attendance, fees, ratings. */
export async function branchBookDocx(data: BookData): Promise<Buffer> {
  const { book } = data;
  const held = book.meetings.filter((m) => m.status === 'held');
  const present = held.reduce((s, m) => s + m.present, 0);
  const expected = held.reduce((s, m) => s + m.expected, 0);
  const parts: string[] = [
    centred('ĐOÀN TNCS HỒ CHÍ MINH', 14),
    centred(book.branch.parentName ?? '', 13, false),
    paragraph('', { before: 2400 }),
    centred('SỔ CHI ĐOÀN', 26),
    centred(book.branch.name, 18),
    centred(`Năm ${book.year}`, 16),
    paragraph('', { before: 1200 }),
    centred(
      book.secretary ? `${book.secretary.position}: ${book.secretary.name}` : 'Bí thư chi đoàn: (chưa ghi)',
      13,
      false,
    ),
    centred(`Số đoàn viên: ${book.members.length}`, 13, false),
    PAGE_BREAK,
    heading('I. DANH SÁCH ĐOÀN VIÊN'),
    grid(
      ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Ngày vào Đoàn', 'Đoàn phí đến'],
      book.members.map((m, i) => [
        String(i + 1),
        m.hosted ? `${m.fullName} (sinh hoạt tạm thời)` : m.fullName,
        date(m.birthDate),
        m.position ?? '',
        date(m.joinedOn),
        m.paidUpTo ? monthLabel(m.paidUpTo) : '',
      ]),
      [0.07, 0.31, 0.14, 0.18, 0.15, 0.15],
    ),
    heading('II. SINH HOẠT CHI ĐOÀN'),
  ];
  if (held.length === 0) parts.push(text('Chưa ghi buổi sinh hoạt nào trong năm.', { italic: true }));
  for (const m of held) {
    const title = `Kỳ ${monthLabel(m.period)} – ${date(m.heldOn)} – ${MEETING_FORM_LABELS[m.form] ?? m.form}${m.topic ? `: ${m.topic}` : ''}`;
    parts.push(text(title, { bold: true }));
    parts.push(text(`Có mặt ${m.present}/${m.expected}; vắng có phép ${m.excused}; vắng không phép ${m.absent}.`));
    if (m.minutes) parts.push(text(`Tóm tắt biên bản: ${m.minutes.slice(0, 800)}`));
  }
  parts.push(
    heading('III. TỔNG HỢP ĐIỂM DANH'),
    text(
      `Số buổi đã sinh hoạt: ${held.length}. Tổng lượt có mặt ${present}/${expected}` +
        (expected > 0 ? ` (${Math.round((present / expected) * 100)}%).` : '.'),
    ),
    heading('IV. ĐOÀN PHÍ'),
    text(`Đã thu ${book.fees.collected.toLocaleString('vi-VN')} đồng (${book.fees.payments} lượt).`),
  );
  if (book.fees.owing.length > 0)
    parts.push(
      grid(
        ['STT', 'Đoàn viên còn nợ', 'Đóng đến', 'Số tháng nợ'],
        book.fees.owing.map((o, i) => [
          String(i + 1),
          o.fullName,
          o.paidUpTo ? monthLabel(o.paidUpTo) : '',
          String(o.months),
        ]),
        [0.08, 0.52, 0.2, 0.2],
      ),
    );
  parts.push(heading('V. NHẬN XÉT, XẾP LOẠI'));
  for (const c of book.comments) parts.push(text(`${c.fullName}: ${c.content}`));
  parts.push(text(book.ratings.items.length > 0 ? '' : NO_RATINGS, { italic: true }));

  const zip = new PizZip(await defaultTemplate('transfer_letter'));
  const xml = zip.file('word/document.xml')?.asText() ?? '';
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const end = xml.lastIndexOf('</w:body>');
  zip.file('word/document.xml', `${xml.slice(0, start)}${parts.join('')}${SECTION}${xml.slice(end)}`);
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
