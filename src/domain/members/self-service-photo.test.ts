import { describe, expect, it } from 'vitest';
import { detectImageType, MAX_PHOTO_BYTES, photoProblem } from './self-service-photo.js';

describe('member photos', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
  const webp = new TextEncoder().encode('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ');

  it('recognises JPEG, PNG and WebP by their first bytes', () => {
    expect(detectImageType(jpeg)).toBe('image/jpeg');
    expect(detectImageType(png)).toBe('image/png');
    expect(detectImageType(webp)).toBe('image/webp');
    expect(detectImageType(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(detectImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
  });

  it('refuses empty, oversized and other files in Vietnamese', () => {
    expect(photoProblem(jpeg)).toBeNull();
    expect(photoProblem(new Uint8Array())).toBe('Tệp ảnh trống.');
    expect(photoProblem(new TextEncoder().encode('%PDF-1.7'))).toBe('Chỉ nhận ảnh định dạng JPEG, PNG hoặc WebP.');
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(jpeg);
    expect(photoProblem(big)).toMatch(/lớn hơn 2 MB/);
  });
});
