import type { Db, DbOrTx } from '../../db/client.js';
import { memberPhotos } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type { PhotoDto } from '../../contracts/self-service.js';
import { fail } from '../../domain/errors.js';
import { detectImageType, photoProblem } from '../../domain/members/self-service-photo.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { findMemberInScope } from '../members/members.queries.js';
import { loadOwnMember } from './self-service.profile.js';
import { assertActiveMember, isOwnRecord, memberForWrite } from './self-service.policy.js';
import { photoInfo, photoOf } from './self-service.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** Whose photo is uploaded: the member themself, or a member a cadre may change. */
export type PhotoTarget = { own: true } | { own: false; memberId: string };

/**
 * Stores (or replaces) a member's photo after checking its real type by its first bytes and its size.
 * The member uploads their own; cadres with member.write upload for members of their branches.
 */
export async function uploadPhoto(db: Db, ctx: Ctx, target: PhotoTarget, bytes: Buffer): Promise<PhotoDto> {
  const problem = photoProblem(bytes);
  const contentType = detectImageType(bytes);
  if (problem || !contentType) throw fail.invalid('file', problem ?? 'Chỉ nhận ảnh định dạng JPEG, PNG hoặc WebP.');
  const memberId = await db.transaction(async (tx) => {
    const found = target.own
      ? await loadOwnMember(tx, ctx.actor, true)
      : await memberForWrite(tx, ctx.actor, target.memberId, true);
    if (target.own) assertActiveMember(found.member.status);
    const id = found.member.id;
    const previous = await photoInfo(tx, id);
    const values = { contentType, data: bytes, byteSize: bytes.length, uploadedBy: ctx.actor.userId };
    await tx
      .insert(memberPhotos)
      .values({ memberId: id, ...values })
      .onConflictDoUpdate({ target: memberPhotos.memberId, set: { ...values, updatedAt: new Date() } });
    await audit(tx, ctx, {
      entity: 'member_photo',
      entityId: id,
      action: previous ? 'update' : 'create',
      unitId: found.member.unitId,
      unitPath: found.unitPath,
      before: previous ? { contentType: previous.contentType, byteSize: previous.byteSize } : null,
      after: { contentType, byteSize: bytes.length },
    });
    return id;
  });
  const info = await photoInfo(db, memberId);
  if (!info) throw new Error('photo missing after upload');
  return { ...info, updatedAt: info.updatedAt.toISOString() };
}

/** A member's photo: for the member themself, or anyone who may read the member; 404 otherwise. */
export async function readPhoto(db: DbOrTx, actor: Actor, memberId: string) {
  if (!isOwnRecord(actor, memberId)) {
    const found = await findMemberInScope(db, scopeOf(actor, 'member.read'), memberId);
    if (!found) throw fail.notFound('đoàn viên');
  }
  const photo = await photoOf(db, memberId);
  if (!photo) throw fail.notFound('ảnh của đoàn viên');
  return photo;
}
