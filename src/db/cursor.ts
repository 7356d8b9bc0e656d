import { fail } from '../domain/errors.js';

/** Encodes a keyset position (the sort values of the last row of a page) as an opaque cursor. */
export function encodeCursor(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Decodes a cursor of `count` strings; a malformed or tampered one is a validation error on `field`. */
export function decodeCursorParts(value: string, count: number, field = 'cursor'): string[] {
  try {
    const parts: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === count && parts.every((p) => typeof p === 'string')) return parts;
  } catch {
    // falls through to the error below
  }
  throw fail.invalid(field, 'Vị trí trang không hợp lệ: hãy tải lại danh sách từ đầu.');
}

/** Decodes the usual cursor of a sort key and an id. */
export function decodePairCursor(value: string, field = 'cursor'): [string, string] {
  const [key, id] = decodeCursorParts(value, 2, field) as [string, string];
  return [key, id];
}
