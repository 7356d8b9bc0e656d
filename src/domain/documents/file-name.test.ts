import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, documentFileName, slug } from './file-name.js';

describe('document file names', () => {
  it('replaces the slash of the symbol', () => {
    expect(documentFileName('15-QĐ/ĐTN')).toBe('15-QĐ-ĐTN.docx');
    expect(documentFileName('3-GGT/ĐTN', 'pdf')).toBe('3-GGT-ĐTN.pdf');
    expect(documentFileName('')).toBe('van-ban.docx');
  });

  it('has an ASCII form without diacritics', () => {
    expect(asciiFileName('15-QĐ-ĐTN.docx')).toBe('15-QD-DTN.docx');
    expect(asciiFileName('Mẫu "quyết định";.docx')).toBe('Mau-quyet-dinh.docx');
    expect(asciiFileName('漢字.docx')).toBe('file.docx');
  });

  it('sends both forms in Content-Disposition', () => {
    expect(contentDisposition('15-QĐ-ĐTN.docx')).toBe(
      `attachment; filename="15-QD-DTN.docx"; filename*=UTF-8''15-Q%C4%90-%C4%90TN.docx`,
    );
    expect(contentDisposition("a'b (1).docx")).toContain("filename*=UTF-8''a%27b%20%281%29.docx");
  });

  it('slugs a unit name', () => {
    expect(slug('Đoàn phường Hải Châu')).toBe('doan-phuong-hai-chau');
  });
});
