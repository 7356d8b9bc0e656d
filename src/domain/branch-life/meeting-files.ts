import { detectImageType } from '../members/self-service-photo.js';

/** The largest file attached to a meeting: 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

function contains(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');
}

/** The type of an attachment by its first bytes: JPEG, PNG, WebP, PDF, .docx or .xlsx; null for anything else. */
export function detectAttachmentType(bytes: Uint8Array): string | null {
  const image = detectImageType(bytes);
  if (image) return image;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return null;
  if (contains(bytes, 'word/')) return DOCX;
  if (contains(bytes, 'xl/')) return XLSX;
  return null;
}

/** Why a file cannot be attached to a meeting (Vietnamese), or null when it can. */
export function attachmentProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Tệp trống: hãy chọn tệp khác.';
  if (bytes.length > MAX_ATTACHMENT_BYTES) return 'Tệp lớn hơn 10 MB: hãy chọn tệp nhỏ hơn.';
  if (!detectAttachmentType(bytes))
    return 'Chỉ nhận ảnh (JPEG, PNG, WebP), PDF, tài liệu Word (.docx) hoặc bảng tính Excel (.xlsx).';
  return null;
}

/** A file name safe to store and send back: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base.normalize('NFC')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '"')
    .join('')
    .trim();
  return (clean || 'tep-dinh-kem').slice(0, 200);
}
