import { randomBytes } from 'node:crypto';
import type { TestApp } from '../../../tests/helpers/test-app.js';

/** A real 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** The demo member account (linked to Phạm Minh Tuấn of Chi đoàn Tổ dân phố 1). */
export const DEMO_MEMBER = { username: 'doanvien', password: 'Doanvien@2025', name: 'Phạm Minh Tuấn' } as const;

/** A multipart body with one file in the field "file". */
export function multipartFile(bytes: Buffer, name: string, type: string) {
  const boundary = `----doanso${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const payload = Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file to a photo endpoint. */
export function putPhoto(
  t: TestApp,
  url: string,
  cookie: string | undefined,
  bytes: Buffer,
  name = 'anh.png',
  type = 'image/png',
) {
  const { payload, headers } = multipartFile(bytes, name, type);
  return t.app.inject({ method: 'PUT', url, payload, headers: { ...headers, ...(cookie ? { cookie } : {}) } });
}
