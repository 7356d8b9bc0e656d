import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { meetingAttachments, user } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import type { MeetingAttachment } from '../../contracts/meetings.js';
import {
  attachmentProblem,
  cleanFileName,
  detectAttachmentType,
  MAX_ATTACHMENT_BYTES,
} from '../../domain/branch-life/meeting-files.js';
import { fail } from '../../domain/errors.js';
import { audit } from '../audit/audit.service.js';
import { assertNotCancelled, meetingForRead, meetingForWrite } from './meetings.policy.js';
import type { Ctx } from './meetings.service.js';

/** An uploaded file: its name as sent and its bytes. */
export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/** The one file of a multipart upload (field "file"), at most 10 MB. */
export async function readAttachmentUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw fail.invalid('file', 'Hãy gửi tệp dạng multipart/form-data, trong trường "file".');
  try {
    const file = await request.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    if (!file) throw fail.invalid('file', 'Chưa chọn tệp để tải lên.');
    const bytes = await file.toBuffer();
    return { fileName: file.filename, bytes };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fail.invalid('file', 'Tệp lớn hơn 10 MB: hãy chọn tệp nhỏ hơn.');
    if (code?.startsWith('FST_')) throw fail.invalid('file', 'Biểu mẫu tải tệp không hợp lệ (chỉ gửi một tệp).');
    throw error;
  }
}

/** The files attached to a meeting, oldest first, without their bytes. */
export async function attachmentsOf(db: DbOrTx, meetingId: string): Promise<MeetingAttachment[]> {
  const found = await db
    .select({
      id: meetingAttachments.id,
      fileName: meetingAttachments.fileName,
      mimeType: meetingAttachments.mimeType,
      size: meetingAttachments.size,
      uploadedByName: user.name,
      createdAt: meetingAttachments.createdAt,
    })
    .from(meetingAttachments)
    .leftJoin(user, eq(user.id, meetingAttachments.uploadedBy))
    .where(eq(meetingAttachments.meetingId, meetingId))
    .orderBy(asc(meetingAttachments.createdAt), asc(meetingAttachments.id));
  return found.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() }));
}

/** Stores a photo or file with a meeting after checking its real type by its first bytes and its size. */
export async function addAttachment(db: Db, ctx: Ctx, meetingId: string, upload: Upload): Promise<MeetingAttachment[]> {
  const problem = attachmentProblem(upload.bytes);
  const mimeType = detectAttachmentType(upload.bytes);
  if (problem || !mimeType) throw fail.invalid('file', problem ?? 'Loại tệp không được nhận.');
  await db.transaction(async (tx) => {
    const { meeting: m, unit } = await meetingForWrite(tx, ctx.actor, meetingId, null);
    assertNotCancelled(m);
    const [row] = await tx
      .insert(meetingAttachments)
      .values({
        meetingId: m.id,
        fileName: cleanFileName(upload.fileName),
        mimeType,
        size: upload.bytes.length,
        content: upload.bytes,
        uploadedBy: ctx.actor.userId,
      })
      .returning({ id: meetingAttachments.id, fileName: meetingAttachments.fileName });
    await audit(tx, ctx, {
      entity: 'meeting_attachment',
      entityId: row?.id ?? null,
      action: 'create',
      unitId: unit.id,
      unitPath: unit.path,
      after: { meetingId: m.id, fileName: row?.fileName, mimeType, size: upload.bytes.length },
    });
  });
  return attachmentsOf(db, meetingId);
}

/** One attachment with its bytes, for whoever may read the meeting. */
export async function readAttachment(db: DbOrTx, actor: Actor, meetingId: string, attachmentId: string) {
  await meetingForRead(db, actor, meetingId);
  const [row] = await db
    .select()
    .from(meetingAttachments)
    .where(and(eq(meetingAttachments.id, attachmentId), eq(meetingAttachments.meetingId, meetingId)));
  if (!row) throw fail.notFound('tệp đính kèm');
  return row;
}

/** Removes an attachment. */
export async function deleteAttachment(
  db: Db,
  ctx: Ctx,
  meetingId: string,
  attachmentId: string,
): Promise<MeetingAttachment[]> {
  await db.transaction(async (tx) => {
    const { meeting: m, unit } = await meetingForWrite(tx, ctx.actor, meetingId, null);
    const [gone] = await tx
      .delete(meetingAttachments)
      .where(and(eq(meetingAttachments.id, attachmentId), eq(meetingAttachments.meetingId, m.id)))
      .returning({
        id: meetingAttachments.id,
        fileName: meetingAttachments.fileName,
        mimeType: meetingAttachments.mimeType,
        size: meetingAttachments.size,
      });
    if (!gone) throw fail.notFound('tệp đính kèm');
    await audit(tx, ctx, {
      entity: 'meeting_attachment',
      entityId: gone.id,
      action: 'delete',
      unitId: unit.id,
      unitPath: unit.path,
      before: { meetingId: m.id, ...gone },
    });
  });
  return attachmentsOf(db, meetingId);
}
