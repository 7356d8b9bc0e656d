import { describe, expect, it } from 'vitest';
import { transferCode, normalizeTransferCode, CODE_ALPHABET } from './transfer-code.js';
import {
  assertAcceptTarget,
  assertInternalTarget,
  assertPlacementBranch,
  grassrootsOf,
  placeName,
} from './transfer-units.js';
import { formatMonthVi, transferLetter } from './transfer-letter.js';

const branch = (
  over: Partial<{ id: string; name: string; path: string; closedOn: string | null; isLeaf: boolean }> = {},
) => ({
  id: 'b2',
  name: 'Chi đoàn Tổ dân phố 2',
  path: 'tw.dng.hch.b2',
  closedOn: null,
  isLeaf: true,
  ...over,
});

describe('the đoàn cơ sở of a branch', () => {
  it('is the nearest grassroots-kind unit on the path', () => {
    const path = [
      { id: 'tw', kind: 'centre' },
      { id: 'dng', kind: 'province' },
      { id: 'bk', kind: 'grassroots' },
      { id: 'lcd', kind: 'sub_grassroots' },
      { id: 'b', kind: 'branch' },
    ];
    expect(grassrootsOf(path)?.id).toBe('bk');
  });

  it('is the branch itself for a chi đoàn cơ sở, and null when there is none', () => {
    expect(
      grassrootsOf([
        { id: 'dng', kind: 'province' },
        { id: 'bv', kind: 'grassroots_branch' },
      ])?.id,
    ).toBe('bv');
    expect(
      grassrootsOf([
        { id: 'dng', kind: 'province' },
        { id: 'x', kind: 'district' },
      ]),
    ).toBeNull();
  });
});

describe('placement rules', () => {
  it('refuses a closed branch and a unit that is not a branch', () => {
    expect(() => assertPlacementBranch(branch({ closedOn: '2025-07-01' }))).toThrow(/ngừng hoạt động từ 01\/07\/2025/);
    expect(() => assertPlacementBranch(branch({ isLeaf: false, name: 'Đoàn phường Hải Châu' }))).toThrow(
      /"Đoàn phường Hải Châu" không phải là chi đoàn/,
    );
    expect(() => assertPlacementBranch(branch())).not.toThrow();
  });

  it('keeps an internal move inside the đoàn cơ sở and off the current branch', () => {
    expect(() => assertInternalTarget(branch(), 'tw.dng.hch', 'b1')).not.toThrow();
    expect(() => assertInternalTarget(branch(), 'tw.dng.hch', 'b2')).toThrow(/đang sinh hoạt ở chi đoàn này/);
    expect(() => assertInternalTarget(branch({ path: 'tw.dng.han.k1' }), 'tw.dng.hch', 'b1')).toThrow(
      /cùng đoàn cơ sở/,
    );
  });

  it('accepts an external transfer only into a branch of the addressee', () => {
    const addressee = { name: 'Đoàn thị trấn Liên Nghĩa', path: 'tw.ldg.dt.lng' };
    expect(() => assertAcceptTarget(branch({ path: 'tw.ldg.dt.lng.t10' }), 'b1', addressee)).not.toThrow();
    expect(() => assertAcceptTarget(branch({ path: 'tw.ldg.dt.htx.t1' }), 'b1', addressee)).toThrow(/Liên Nghĩa/);
    expect(() => assertAcceptTarget(branch({ path: 'tw.ldg.dt.htx.t1' }), 'b1', null)).not.toThrow();
    expect(() => assertAcceptTarget(branch({ closedOn: '2026-01-01' }), 'b1', null)).toThrow(/ngừng hoạt động/);
  });

  it('prints the province as the place of the letter', () => {
    expect(placeName('Thành đoàn Đà Nẵng')).toBe('Đà Nẵng');
    expect(placeName('Tỉnh đoàn Lâm Đồng')).toBe('Lâm Đồng');
    expect(placeName(null)).toBeNull();
  });
});

describe('transfer codes', () => {
  it('look like GT-2026-7K3F9Q with unambiguous characters', () => {
    let i = 0;
    const code = transferCode('external', 2026, (n) => (i++ * 7) % n);
    expect(code).toMatch(new RegExp(`^GT-2026-[${CODE_ALPHABET}]{6}$`));
    expect(transferCode('temporary', 2026, () => 0)).toBe('TT-2026-222222');
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('are read back whatever the case, spaces and dashes', () => {
    expect(normalizeTransferCode(' gt-2026-7k3f9q ')).toBe('GT-2026-7K3F9Q');
    expect(normalizeTransferCode('GT 2026 7K3F9Q')).toBe('GT-2026-7K3F9Q');
    expect(normalizeTransferCode('gt20267k3f9q')).toBe('GT-2026-7K3F9Q');
    expect(normalizeTransferCode('GT-2026-7K3F9')).toBeNull();
    expect(normalizeTransferCode('GT-2026-OK3F9Q')).toBeNull();
    expect(normalizeTransferCode('048303001234')).toBeNull();
  });
});

describe('the introduction letter', () => {
  const letter = transferLetter({
    code: 'GT-2026-7K3F9Q',
    grassroots: 'Đoàn phường Hải Châu',
    branch: 'Chi đoàn Tổ dân phố 1',
    memberName: 'Nguyễn Văn An',
    birthDate: '2001-03-15',
    birthYearOnly: false,
    cardNumber: 'DV001234',
    feePaidUntil: '2026-05',
    destination: 'Đoàn thị trấn Liên Nghĩa, Tỉnh đoàn Lâm Đồng',
    addressee: 'Đoàn thị trấn Liên Nghĩa',
    reason: 'Chuyển nơi cư trú',
    validUntil: '2026-06-14',
  });

  it('reads as the administrative wording, with the code', () => {
    expect(letter.data.body).toEqual([
      'BAN CHẤP HÀNH ĐOÀN PHƯỜNG HẢI CHÂU trân trọng giới thiệu:',
      'Đồng chí: Nguyễn Văn An, sinh ngày 15/03/2001, số thẻ đoàn viên: DV001234;',
      'là đoàn viên Chi đoàn Tổ dân phố 1, Đoàn phường Hải Châu; đã đóng đoàn phí đến hết tháng 05/2026;',
      'được chuyển sinh hoạt đoàn về Đoàn thị trấn Liên Nghĩa, Tỉnh đoàn Lâm Đồng.',
      'Lý do chuyển sinh hoạt: Chuyển nơi cư trú.',
      'Đề nghị Ban Chấp hành Đoàn thị trấn Liên Nghĩa tiếp nhận và tạo điều kiện để đồng chí Nguyễn Văn An sinh hoạt đoàn.',
      'Giấy giới thiệu có giá trị đến ngày 14/06/2026.',
      'Mã giấy giới thiệu: GT-2026-7K3F9Q (đơn vị tiếp nhận tra cứu trên Đoàn Số bằng mã này hoặc số CCCD của đoàn viên).',
    ]);
    expect(letter.subject).toBe('Giới thiệu chuyển sinh hoạt đoàn đồng chí Nguyễn Văn An');
    expect(letter.data.fields).toMatchObject({
      code: 'GT-2026-7K3F9Q',
      feePaidUntil: '05/2026',
      validUntil: '14/06/2026',
    });
    expect(letter.data.recipients[0]).toBe('- Như trên;');
  });

  it('names the month dd/yyyy and says "sinh năm" when only the year is known', () => {
    expect(formatMonthVi('2026-12')).toBe('12/2026');
    const yearOnly = transferLetter({
      code: 'GT-2026-222222',
      grassroots: 'Đoàn xã Núi Thành',
      branch: 'Chi đoàn thôn Tây Sơn',
      memberName: 'Lê Thị Bình',
      birthDate: '2002-01-01',
      birthYearOnly: true,
      cardNumber: null,
      feePaidUntil: '2026-01',
      destination: 'Thành phố Hồ Chí Minh',
      addressee: null,
      reason: null,
      validUntil: '2026-02-01',
    });
    expect(yearOnly.data.body[1]).toBe('Đồng chí: Lê Thị Bình, sinh năm 2002, số thẻ đoàn viên: chưa cấp;');
    expect(yearOnly.data.body[4]).toMatch(/^Đề nghị Ban Chấp hành Đoàn nơi đến tiếp nhận/);
  });
});
