/** The largest member photo accepted: 2 MB. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

/** Image types accepted for a member photo. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The image type named by the file's first bytes (its magic number), whatever the client claims. */
export function detectImageType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** Why a file cannot be a member photo (Vietnamese), or null when it can. */
export function photoProblem(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'Tệp ảnh trống.';
  if (bytes.length > MAX_PHOTO_BYTES)
    return 'Ảnh lớn hơn 2 MB: hãy chọn ảnh nhỏ hơn hoặc thu nhỏ ảnh trước khi tải lên.';
  if (!detectImageType(bytes)) return 'Chỉ nhận ảnh định dạng JPEG, PNG hoặc WebP.';
  return null;
}
