import { describe, expect, it } from 'vitest';
import { bodyLineKind, bodyXml, escapeXml, rowsTableXml } from './ooxml.js';
import { templateErrorMessage, templateProblemMessage } from './template-errors.js';

describe('ooxml', () => {
  it('escapes text and drops characters XML forbids', () => {
    expect(escapeXml('a < b & "c" > d\u0001')).toBe('a &lt; b &amp; &quot;c&quot; &gt; d');
  });

  it('formats body lines by their role', () => {
    expect(bodyLineKind('QUYẾT ĐỊNH:')).toBe('heading');
    expect(bodyLineKind('Căn cứ Điều lệ Đoàn;')).toBe('basis');
    expect(bodyLineKind('Điều 1. Chuẩn y ...')).toBe('article');
    expect(bodyLineKind('Trân trọng giới thiệu.')).toBe('text');
    const xml = bodyXml(['QUYẾT ĐỊNH:', 'Điều 1. Chuẩn y <A>']);
    expect(xml).toContain('<w:jc w:val="center"/>');
    expect(xml).toContain(
      '<w:b/><w:bCs/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr><w:t xml:space="preserve">Điều 1.</w:t>',
    );
    expect(xml).toContain(' Chuẩn y &lt;A&gt;');
  });

  it('builds a numbered table of the rows, nothing without rows', () => {
    expect(rowsTableXml({ a: 'Họ và tên' }, [])).toBe('');
    const xml = rowsTableXml({ fullName: 'Họ và tên', birthDate: 'Ngày sinh' }, [
      { fullName: 'Nguyễn Văn An', birthDate: '12/05/2008' },
      { fullName: 'Lê Thị Bình', birthDate: '03/09/2008' },
    ]);
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      '1',
      'Nguyễn Văn An',
      '12/05/2008',
      '2',
      'Lê Thị Bình',
      '03/09/2008',
    ]);
    expect(xml).toContain('<w:tblHeader/>');
  });
});

describe('template errors', () => {
  it('names the problem in Vietnamese', () => {
    expect(templateProblemMessage({ id: 'unclosed_tag', xtag: 'name' })).toBe(
      'Thẻ bắt đầu bằng "{name" chưa được đóng: thiếu dấu "}".',
    );
    expect(templateProblemMessage({ id: 'unclosed_tag', xtag: 'numberTextĐOÀN TNCS HỒ CHÍ MINH' })).toBe(
      'Thẻ bắt đầu bằng "{numberTextĐOÀN TNCS HỒ C…" chưa được đóng: thiếu dấu "}".',
    );
    expect(templateProblemMessage({ id: 'unopened_tag', xtag: 'name' })).toBe('Thẻ "name}" thiếu dấu mở "{".');
    expect(
      templateProblemMessage({ id: 'closing_tag_does_not_match_opening_tag', openingtag: 'a', closingtag: 'b' }),
    ).toBe('Thẻ mở {#a} lại được đóng bằng {/b}.');
    expect(templateErrorMessage([{ id: 'unclosed_loop', xtag: 'body' }])).toBe(
      'Mẫu văn bản có lỗi: Vòng lặp {#body} chưa được đóng: thiếu {/body}.',
    );
    const many = Array.from({ length: 5 }, () => ({ id: 'unopened_tag', xtag: 'x' }));
    expect(templateErrorMessage(many)).toMatch(/\(và 2 lỗi khác\)$/);
  });
});
