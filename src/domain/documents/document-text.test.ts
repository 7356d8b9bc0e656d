import { describe, expect, it } from 'vitest';
import {
  aboutText,
  defaultSignerTitle,
  documentDateText,
  headingName,
  placeDateText,
  placeFromProvinceName,
} from './document-text.js';

describe('placeFromProvinceName', () => {
  it('drops "Thành đoàn" and "Tỉnh đoàn"', () => {
    expect(placeFromProvinceName('Thành đoàn Đà Nẵng')).toBe('Đà Nẵng');
    expect(placeFromProvinceName('Tỉnh đoàn Lâm Đồng')).toBe('Lâm Đồng');
    expect(placeFromProvinceName('  thành  đoàn   Hà Nội ')).toBe('Hà Nội');
  });

  it('keeps a name without a level and gives null without a province', () => {
    expect(placeFromProvinceName('Huế')).toBe('Huế');
    expect(placeFromProvinceName('Tỉnh Quảng Ngãi')).toBe('Quảng Ngãi');
    expect(placeFromProvinceName(null)).toBeNull();
    expect(placeFromProvinceName('Thành đoàn ')).toBe('Thành đoàn');
  });
});

describe('documentDateText', () => {
  it('writes the date in words', () => {
    expect(documentDateText('2026-11-23')).toBe('ngày 23 tháng 11 năm 2026');
  });

  it('pads days below 10 and the months January and February only', () => {
    expect(documentDateText('2026-01-05')).toBe('ngày 05 tháng 01 năm 2026');
    expect(documentDateText('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026');
    expect(documentDateText('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(documentDateText('2026-12-22T10:00:00Z')).toBe('ngày 22 tháng 12 năm 2026');
  });

  it('puts the place first', () => {
    expect(placeDateText('Đà Nẵng', '2026-11-23')).toBe('Đà Nẵng, ngày 23 tháng 11 năm 2026');
    expect(placeDateText(null, '2026-11-23')).toBe('Ngày 23 tháng 11 năm 2026');
  });
});

describe('headingName', () => {
  it('names the executive committee in capitals', () => {
    expect(headingName('Đoàn phường Hải Châu')).toBe('BCH ĐOÀN PHƯỜNG HẢI CHÂU');
    expect(headingName('Thành đoàn Đà Nẵng')).toBe('BCH ĐOÀN TP ĐÀ NẴNG');
    expect(headingName('Tỉnh đoàn Lâm Đồng')).toBe('BCH ĐOÀN TỈNH LÂM ĐỒNG');
    expect(headingName('Huyện đoàn Đức Trọng')).toBe('BCH ĐOÀN HUYỆN ĐỨC TRỌNG');
    expect(headingName('Trung ương Đoàn TNCS Hồ Chí Minh')).toBe('BCH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH');
    expect(headingName('Chi đoàn cơ sở Bệnh viện Đà Nẵng')).toBe('BCH CHI ĐOÀN CƠ SỞ BỆNH VIỆN ĐÀ NẴNG');
  });

  it('leaves other names as they are, in capitals', () => {
    expect(headingName('Ban Chấp hành Đoàn trường X')).toBe('BAN CHẤP HÀNH ĐOÀN TRƯỜNG X');
    expect(headingName('Hội đồng đội')).toBe('HỘI ĐỒNG ĐỘI');
  });
});

describe('signer and subject', () => {
  it('signs for the standing committee above đoàn cơ sở level', () => {
    expect(defaultSignerTitle('province')).toBe('TM. BAN THƯỜNG VỤ\nBÍ THƯ');
    expect(defaultSignerTitle('grassroots')).toBe('TM. BAN CHẤP HÀNH\nBÍ THƯ');
  });

  it('writes the subject as "V/v ..."', () => {
    expect(aboutText('Chuẩn y kết nạp đoàn viên mới')).toBe('V/v chuẩn y kết nạp đoàn viên mới');
    expect(aboutText('v/v kỷ luật')).toBe('V/v kỷ luật');
    expect(aboutText('BCH Đoàn trường')).toBe('V/v BCH Đoàn trường');
  });
});
