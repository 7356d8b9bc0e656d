import { normalizeText } from '../text/vietnamese.js';

/**
 * The place printed before the date: the province's name without "Thành đoàn" / "Tỉnh đoàn"
 * ("Thành đoàn Đà Nẵng" -> "Đà Nẵng", "Tỉnh đoàn Lâm Đồng" -> "Lâm Đồng"); null without a province.
 */
export function placeFromProvinceName(provinceName: string | null | undefined): string | null {
  if (!provinceName) return null;
  const name = normalizeText(provinceName)
    .replace(/^(thành|tỉnh)\s+đoàn\s+/iu, '')
    .replace(/^(thành phố|tỉnh)\s+/iu, '');
  return name === '' ? null : name;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The date as written on an administrative document: "ngày 23 tháng 11 năm 2026". Days below 10 and the
 * months January and February take a leading zero ("ngày 05 tháng 01 năm 2026", "ngày 09 tháng 3 năm 2026"),
 * as Nghị định 30/2020 asks.
 */
export function documentDateText(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number) as [number, number, number];
  const month = m <= 2 ? pad(m) : String(m);
  return `ngày ${pad(d)} tháng ${month} năm ${y}`;
}

/** Place and date as the heading prints them: "Đà Nẵng, ngày 23 tháng 11 năm 2026" ("Ngày ..." without a place). */
export function placeDateText(place: string | null | undefined, isoDate: string): string {
  const date = documentDateText(isoDate);
  return place ? `${place}, ${date}` : `N${date.slice(1)}`;
}

const upper = (text: string) => normalizeText(text).toLocaleUpperCase('vi');

/** Level names that become "BCH ĐOÀN <LEVEL> <NAME>" in a heading. */
const LEVEL_PREFIXES: [RegExp, string][] = [
  [/^thành\s+đoàn\s+/iu, 'BCH ĐOÀN TP '],
  [/^tỉnh\s+đoàn\s+/iu, 'BCH ĐOÀN TỈNH '],
  [/^huyện\s+đoàn\s+/iu, 'BCH ĐOÀN HUYỆN '],
  [/^quận\s+đoàn\s+/iu, 'BCH ĐOÀN QUẬN '],
  [/^thị\s+đoàn\s+/iu, 'BCH ĐOÀN THỊ XÃ '],
];

/**
 * A unit's name as the heading of a document prints it, upper case with the executive committee:
 * "Đoàn phường Hải Châu" -> "BCH ĐOÀN PHƯỜNG HẢI CHÂU", "Thành đoàn Đà Nẵng" -> "BCH ĐOÀN TP ĐÀ NẴNG",
 * "Trung ương Đoàn TNCS Hồ Chí Minh" -> "BCH TRUNG ƯƠNG ĐOÀN TNCS HỒ CHÍ MINH".
 */
export function headingName(unitName: string): string {
  const name = normalizeText(unitName);
  for (const [pattern, prefix] of LEVEL_PREFIXES) {
    if (pattern.test(name)) return `${prefix}${upper(name.replace(pattern, ''))}`;
  }
  if (/^(ban chấp hành|bch|ban thường vụ|btv)\s/iu.test(name)) return upper(name);
  if (/^(trung ương|đoàn|chi đoàn|liên chi đoàn|đoàn bộ phận|phân đoàn)\s/iu.test(name)) return `BCH ${upper(name)}`;
  return upper(name);
}

/** Unit kinds whose decisions are signed on behalf of the standing committee (Ban Thường vụ). */
const STANDING_COMMITTEE_KINDS = new Set(['centre', 'province', 'district']);

/**
 * The signer's title when the document gives none: "TM. BAN THƯỜNG VỤ" above đoàn cơ sở level,
 * "TM. BAN CHẤP HÀNH" at a đoàn cơ sở, then "BÍ THƯ" on the next line.
 */
export function defaultSignerTitle(unitKind: string): string {
  const body = STANDING_COMMITTEE_KINDS.has(unitKind) ? 'TM. BAN THƯỜNG VỤ' : 'TM. BAN CHẤP HÀNH';
  return `${body}\nBÍ THƯ`;
}

/** The subject as the "V/v ..." line prints it: its first letter in lower case unless it starts a proper name. */
export function aboutText(subject: string): string {
  const text = normalizeText(subject);
  if (/^v\/v\s/iu.test(text)) return `V/v ${text.slice(4)}`;
  const [first = '', second = ''] = [...text];
  const keepCase = second !== '' && second === second.toLocaleUpperCase('vi') && /\p{L}/u.test(second);
  return `V/v ${keepCase ? first : first.toLocaleLowerCase('vi')}${text.slice(first.length)}`;
}
