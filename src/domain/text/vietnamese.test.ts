import { describe, expect, it } from 'vitest';
import { compareVietnameseNames, foldVietnamese, givenName, nameSortKey, normalizeText } from './vietnamese.js';
import { formatDateVi, todayInVietnam } from './dates.js';

describe('Vietnamese text', () => {
  it('folds diacritics, case and composition to one search form', () => {
    const nfc = 'Nguyễn Văn Đạt';
    const nfd = nfc.normalize('NFD');
    expect(foldVietnamese(nfc)).toBe('nguyen van dat');
    expect(foldVietnamese(nfd)).toBe('nguyen van dat');
    expect(foldVietnamese('  NGUYỄN   văn  đạt ')).toBe('nguyen van dat');
  });

  it('stores names in NFC with single spaces', () => {
    expect(normalizeText(' Lê  Thị\tHoa '.normalize('NFD'))).toBe('Lê Thị Hoa');
  });

  it('sorts by given name, then by the rest', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Văn An', 'Đỗ Thị Ánh'];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Lê Văn An',
      'Nguyễn Thị An',
      'Đỗ Thị Ánh',
      'Trần Văn Bình',
    ]);
    expect(givenName('Nguyễn Thị Thu Hà')).toBe('Hà');
  });
});

describe('dates', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
  });
  it('uses the Vietnamese calendar day (UTC+7)', () => {
    expect(todayInVietnam(new Date('2026-11-22T18:30:00Z'))).toBe('2026-11-23');
    expect(todayInVietnam(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-22');
  });
});

describe('name sort key', () => {
  it('orders by given name first, with đ after d', () => {
    const names = ['Trần Văn Đạt', 'Lê Thị Dung', 'Nguyễn Văn An', 'Phạm Thị Dung'];
    const sorted = [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : 1));
    expect(sorted).toEqual(['Nguyễn Văn An', 'Lê Thị Dung', 'Phạm Thị Dung', 'Trần Văn Đạt']);
    expect(nameSortKey('Nguyễn Văn Đạt')).toBe('dzat nguyen van dzat');
  });
});
