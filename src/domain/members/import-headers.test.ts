import { describe, expect, it } from 'vitest';
import { foldHeader, matchHeader } from './import-fields.js';
import {
  buildMapping,
  columnLetter,
  findHeaderRow,
  mappingProblems,
  requestedMappingProblems,
  toSavedMapping,
} from './import-headers.js';
import { detectDelimiter, parseCsv } from './import-csv.js';

const TITLE_ROWS = [
  ['ĐOÀN TNCS HỒ CHÍ MINH', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['Đoàn phường Hải Châu'],
  [],
  ['DANH SÁCH ĐOÀN VIÊN'],
  ['Ngày 01/11/2026'],
];

describe('header matching', () => {
  it.each([
    ['Họ và tên', 'fullName'],
    ['HỌ VÀ TÊN', 'fullName'],
    ['Ho va ten', 'fullName'],
    ['  Họ   và\ntên ', 'fullName'],
    ['Họ và tên (*)', 'fullName'],
    ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Số CMND/CCCD', 'cccd'],
    ['SĐT', 'phone'],
    ['Ngày vào Đoàn TNCS Hồ Chí Minh', 'joinedOn'],
    ['Chi đoàn', 'branch'],
    ['Trình độ học vấn', 'educationLevel'],
    ['Nơi ở hiện nay', 'residenceAddress'],
    ['Đảng viên (x)', 'partyMember'],
    ['STT', 'rowNumber'],
    ['Số TT', 'rowNumber'],
  ])('reads "%s" as %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('does not guess unknown headers or short prefixes', () => {
    expect(matchHeader('Ghi chú')).toBeNull();
    expect(matchHeader('Số thẻ BHYT')).toBeNull();
    expect(matchHeader('')).toBeNull();
    expect(foldHeader('Nơi  ở\u00a0hiện nay')).toBe('noi o hien nay');
  });
});

describe('header row detection', () => {
  it('finds the header below the title rows and maps its columns', () => {
    const rows = [
      ...TITLE_ROWS,
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Ghi chú', 'Điện thoại', 'SĐT'],
      [1, 'Nguyễn Văn An', '05/03/2001', 'Nam'],
    ];
    const found = findHeaderRow(rows);
    expect(found?.rowIndex).toBe(5);
    expect(found?.columns.map((c) => [c.letter, c.field])).toEqual([
      ['A', null],
      ['B', 'fullName'],
      ['C', 'birthDate'],
      ['D', 'gender'],
      ['E', null],
      ['F', 'phone'],
      ['G', null],
    ]);
  });

  it('needs a name column and two more within the scanned rows', () => {
    expect(findHeaderRow([...TITLE_ROWS, ['Họ và tên', 'Ghi chú']])).toBeNull();
    expect(findHeaderRow([['Ngày sinh', 'Giới tính', 'Dân tộc']])).toBeNull();
    const late = [...Array.from({ length: 30 }, () => ['x']), ['Họ và tên', 'Ngày sinh', 'Giới tính']];
    expect(findHeaderRow(late)).toBeNull();
    expect(findHeaderRow(late, 40)?.rowIndex).toBe(30);
  });

  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('mappings', () => {
  const columns = findHeaderRow([['STT', 'Họ tên', 'Năm sinh', 'Phái', 'Đơn vị công tác', 'Ngày sinh']])!.columns;

  it('applies a saved mapping by header, then the user choice by letter', () => {
    expect(buildMapping(columns)).toMatchObject({ B: 'fullName', C: 'birthDate', D: 'gender', F: null });
    const saved = toSavedMapping(columns, { ...buildMapping(columns), C: null, F: 'birthDate' });
    const next = buildMapping(columns, saved);
    expect(next).toMatchObject({ C: null, F: 'birthDate' });
    expect(buildMapping(columns, saved, { E: 'workplace', A: null })).toMatchObject({ E: 'workplace' });
  });

  it('reports a field given to two columns, unknown columns and a missing name column', () => {
    const twice = mappingProblems({ ...buildMapping(columns), F: 'birthDate' }, columns);
    expect(twice).toEqual([
      {
        field: 'mapping.F',
        message:
          'Trường "Ngày sinh" được chọn cho hai cột: C ("Năm sinh") và F ("Ngày sinh"). Mỗi trường chỉ lấy từ một cột.',
      },
    ]);
    expect(mappingProblems({ Z: 'phone' }, columns).map((p) => p.message)).toEqual([
      'Tệp không có cột Z ở dòng tiêu đề.',
      'Chưa chọn cột cho trường "Họ và tên".',
    ]);
    expect(requestedMappingProblems({ B: 'phone', C: 'phone' })).toHaveLength(1);
  });
});

describe('csv', () => {
  it('reads quoted fields, doubled quotes, line breaks, a BOM and Excel text formulas', () => {
    const text = '\ufeffSTT;Họ và tên;Ghi chú\r\n1;"Lê; Văn";"dòng ""một""\nhai"\n2;Trần B;="0905111222"\n';
    expect(detectDelimiter(text)).toBe(';');
    expect([...parseCsv(text)]).toEqual([
      ['STT', 'Họ và tên', 'Ghi chú'],
      ['1', 'Lê; Văn', 'dòng "một"\nhai'],
      ['2', 'Trần B', '0905111222'],
    ]);
    expect(detectDelimiter('DANH SÁCH\na,b,c\n1,2,3')).toBe(',');
  });
});
