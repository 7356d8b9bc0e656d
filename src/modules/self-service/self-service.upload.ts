import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { fail } from '../../domain/errors.js';
import { MAX_PHOTO_BYTES } from '../../domain/members/self-service-photo.js';

const TOO_LARGE = 'Ảnh lớn hơn 2 MB: hãy chọn ảnh nhỏ hơn hoặc thu nhỏ ảnh trước khi tải lên.';

/** The bytes of the one image file of a multipart upload (field "file"), at most 2 MB. */
export async function readPhotoUpload(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw fail.invalid('file', 'Hãy gửi ảnh dạng multipart/form-data, trong trường "file".');
  try {
    const file = await request.file({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } });
    if (!file) throw fail.invalid('file', 'Chưa chọn ảnh để tải lên.');
    return await file.toBuffer();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fail.invalid('file', TOO_LARGE);
    if (code?.startsWith('FST_')) throw fail.invalid('file', 'Biểu mẫu tải ảnh không hợp lệ (chỉ gửi một tệp ảnh).');
    throw error;
  }
}
