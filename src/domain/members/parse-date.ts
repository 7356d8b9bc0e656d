/** A date read from a cadre's spreadsheet cell: a full date, or a year when that is all that is known. */
export type ParsedDate = { kind: 'date'; iso: string } | { kind: 'year'; year: number; iso: string };

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function valid(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Reads dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, yyyy-mm-dd, yyyy alone, an Excel date serial, or a JS Date.
 * Returns the date, or a Vietnamese message saying what is wrong.
 */
export function parseCellDate(input: unknown): ParsedDate | { error: string } {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { error: 'Ngày không hợp lệ.' };
    const iso = input.toISOString().slice(0, 10);
    return { kind: 'date', iso };
  }
  if (typeof input === 'number') return fromSerial(input);
  const text = String(input ?? '').trim();
  if (text === '') return { error: 'Thiếu ngày.' };
  if (/^\d{4}$/.test(text)) {
    const year = Number(text);
    if (year < 1900 || year > 2100) return { error: `Năm ${text} không hợp lệ.` };
    return { kind: 'year', year, iso: `${text}-01-01` };
  }
  if (/^\d{5}(\.\d+)?$/.test(text)) return fromSerial(Number(text));
  const dmy = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/);
  const ymd = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/);
  const parts = dmy
    ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
    : ymd
      ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
      : null;
  if (!parts) return { error: `"${text}" không phải ngày dạng dd/mm/yyyy.` };
  const [y, m, d] = parts as [number, number, number];
  if (!valid(y, m, d)) return { error: `Ngày ${pad(d)}/${pad(m)}/${y} không tồn tại.` };
  return { kind: 'date', iso: `${y}-${pad(m)}-${pad(d)}` };
}

function fromSerial(serial: number): ParsedDate | { error: string } {
  if (!Number.isFinite(serial) || serial < 1 || serial > 80000)
    return { error: `Số ${serial} không phải ngày Excel hợp lệ.` };
  const iso = new Date(EXCEL_EPOCH + Math.floor(serial) * 86400000).toISOString().slice(0, 10);
  return { kind: 'date', iso };
}
