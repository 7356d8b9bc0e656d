import { describe, expect, it } from 'vitest';
import { buildTemplateData, type RenderableDocument } from './template-data.js';
import { DOCUMENT_SAMPLES } from './document-samples.js';
import { DOCUMENT_KIND_KEYS } from './document-kinds.js';

const issuer = {
  name: 'Đoàn phường Hải Châu',
  kind: 'grassroots',
  parentName: 'Thành đoàn Đà Nẵng',
  provinceName: 'Thành đoàn Đà Nẵng',
};

const doc = (over: Partial<RenderableDocument> = {}): RenderableDocument => ({
  kind: 'batch_admission',
  number: 15,
  symbol: 'QĐ/ĐTN',
  numberText: '15-QĐ/ĐTN',
  issuedOn: '2026-11-23',
  place: null,
  subject: 'Chuẩn y kết nạp đoàn viên mới',
  data: DOCUMENT_SAMPLES.batch_admission.data,
  signerTitle: null,
  signerName: 'Trần Minh Quân',
  ...over,
});

describe('buildTemplateData', () => {
  it('fills the heading, number, place and date, title and signer', () => {
    const data = buildTemplateData(doc(), issuer);
    expect(data).toMatchObject({
      superiorName: 'BCH ĐOÀN TP ĐÀ NẴNG',
      issuerName: 'BCH ĐOÀN PHƯỜNG HẢI CHÂU',
      numberText: '15-QĐ/ĐTN',
      place: 'Đà Nẵng',
      placeDate: 'Đà Nẵng, ngày 23 tháng 11 năm 2026',
      issuedOn: '23/11/2026',
      year: '2026',
      title: 'QUYẾT ĐỊNH',
      about: 'V/v chuẩn y kết nạp đoàn viên mới',
      hasAbout: true,
      signerTitle: 'TM. BAN CHẤP HÀNH\nBÍ THƯ',
      signerName: 'Trần Minh Quân',
      hasRecipients: true,
      hasRows: true,
    });
    expect(data.rows.map((r) => r.stt)).toEqual(['1', '2', '3']);
    expect(data.rows[0]!.fullName).toBe('Nguyễn Văn An');
    expect(data.columns[0]).toEqual({ key: 'fullName', label: 'Họ và tên' });
    expect(data.rowsTable).toContain('<w:tbl>');
    expect(data.bodyXml).toContain('QUYẾT ĐỊNH:');
  });

  it('keeps a given place and signer, and lets fields override the heading but not computed names', () => {
    const data = buildTemplateData(
      doc({
        place: 'Hội An',
        signerTitle: 'KT. BÍ THƯ\nPHÓ BÍ THƯ',
        data: {
          body: ['x'],
          recipients: [],
          fields: { superiorName: 'THÀNH ĐOÀN ĐÀ NẴNG', numberText: 'giả', memberName: 'Lê Văn C' },
        },
      }),
      issuer,
    );
    expect(data.placeDate).toBe('Hội An, ngày 23 tháng 11 năm 2026');
    expect(data.superiorName).toBe('THÀNH ĐOÀN ĐÀ NẴNG');
    expect(data.numberText).toBe('15-QĐ/ĐTN');
    expect(data.memberName).toBe('Lê Văn C');
    expect(data.signerTitle).toBe('KT. BÍ THƯ\nPHÓ BÍ THƯ');
    expect(data.hasRows).toBe(false);
    expect(data.rowsTable).toBe('');
    expect(data.hasRecipients).toBe(false);
  });

  it('adds the position under a lone "TM." line of the signer', () => {
    expect(buildTemplateData(doc({ signerTitle: 'TM. BAN THƯỜNG VỤ' }), issuer).signerTitle).toBe(
      'TM. BAN THƯỜNG VỤ\nBÍ THƯ',
    );
    expect(buildTemplateData(doc({ signerTitle: 'BÍ THƯ' }), issuer).signerTitle).toBe('BÍ THƯ');
  });

  it('prints no "V/v" line on letters and certificates, and no place above province level', () => {
    const data = buildTemplateData(doc({ kind: 'transfer_letter' }), { ...issuer, provinceName: null });
    expect(data.title).toBe('GIẤY GIỚI THIỆU SINH HOẠT ĐOÀN');
    expect(data.hasAbout).toBe(false);
    expect(data.placeDate).toBe('Ngày 23 tháng 11 năm 2026');
  });

  it('has sample data for every kind', () => {
    for (const kind of DOCUMENT_KIND_KEYS) {
      const sample = DOCUMENT_SAMPLES[kind];
      const data = buildTemplateData(doc({ kind, subject: sample.subject, data: sample.data }), issuer);
      expect(data.body.length, kind).toBeGreaterThan(0);
    }
  });
});
