import { describe, expect, it } from 'vitest';
import { findHeaderRow, type CellValue } from './import-headers.js';
import { readMemberRow, type MappedColumn } from './import-row.js';

const HEADER = [
  'STT',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Số CCCD',
  'Số điện thoại',
  'Ngày vào Đoàn',
  'Chi đoàn',
  'Trình độ học vấn',
  'Đảng viên',
];
const columns = findHeaderRow([HEADER])!.columns.filter((c): c is MappedColumn => c.field !== null);
const read = (cells: CellValue[]) => readMemberRow(cells, columns);

describe('reading a member row', () => {
  it('reads dates in every form, gender, lists and the party column', () => {
    const row = read([
      1,
      '  Nguyễn   Thị Ánh  ',
      '5/3/2001',
      'nữ',
      'kinh',
      '048303001234',
      905111222,
      new Date(Date.UTC(2016, 2, 26)),
      'TDP1',
      '12/12',
      'x',
    ]);
    expect(row.issues).toEqual([]);
    expect(row.branchRef).toBe('TDP1');
    expect(row.values).toEqual({
      fullName: 'Nguyễn Thị Ánh',
      birthDate: '2001-03-05',
      birthYearOnly: false,
      gender: 'female',
      ethnicity: 'Kinh',
      cccd: '048303001234',
      phone: '0905111222',
      joinedOn: '2016-03-26',
      educationLevel: 'THPT',
      partyMember: true,
    });
    expect(read([2, 'Lê Văn Bình', '2002', 'Nam', null, null, null, 42450]).values).toMatchObject({
      birthDate: '2002-01-01',
      birthYearOnly: true,
      joinedOn: '2016-03-21',
    });
  });

  it('reads a year typed as a number as a year, not as an Excel serial', () => {
    expect(read([1, 'Lê Văn Bình', 2002, 'Nam', null, null, null, 2019]).values).toMatchObject({
      birthDate: '2002-01-01',
      birthYearOnly: true,
      joinedOn: '2019-01-01',
    });
  });

  it('normalises decomposed Unicode to NFC', () => {
    const nfd = 'Nguyễn Văn Đức'.normalize('NFD');
    expect(read([1, nfd, '2001', 'Nam']).values.fullName).toBe('Nguyễn Văn Đức'.normalize('NFC'));
  });

  it('names the column of each problem in Vietnamese', () => {
    const row = read([1, '12345', '31/02/2001', 'X', null, 48303001234, '123']);
    expect(row.issues.map((i) => [i.column, i.header, i.message])).toEqual([
      ['B', 'Họ và tên', 'Họ và tên chỉ gồm chữ cái (không có chữ số hay ký hiệu).'],
      ['C', 'Ngày sinh', 'Ngày 31/02/2001 không tồn tại.'],
      ['D', 'Giới tính', 'Giới tính "X" không hợp lệ: ghi Nam hoặc Nữ.'],
      [
        'F',
        'Số CCCD',
        'Số CCCD phải gồm đúng 12 chữ số (đang có 11 chữ số). Ô đang ở dạng số nên Excel đã bỏ số 0 ở đầu: ' +
          'hãy định dạng cột là Văn bản (Text) rồi nhập lại.',
      ],
      ['G', 'Số điện thoại', 'Số điện thoại "123" không hợp lệ: cần 10 chữ số, bắt đầu bằng 0 (hoặc +84).'],
    ]);
  });

  it('skips footers and the row of column numbers', () => {
    expect(read([null, null, null, null, 'Người lập biểu']).skip).toBe(true);
    expect(read(['(1)', '(2)', '(3)', '(4)', '(5)']).skip).toBe(true);
    expect(read([1, 'Nguyễn Văn An']).skip).toBe(false);
  });

  it('reads a date in the party column as the date of joining the party', () => {
    expect(
      read([1, 'Trần Văn Cường', '1990', 'Nam', null, null, null, null, null, null, '03/02/2015']).values,
    ).toMatchObject({ partyMember: true, partyJoinedOn: '2015-02-03' });
    expect(
      read([1, 'Trần Văn Cường', '1990', 'Nam', null, null, null, null, null, null, 'không']).values,
    ).toMatchObject({
      partyMember: false,
    });
  });
});
