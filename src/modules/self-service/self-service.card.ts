import { createHmac, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import type { CardVerification, MemberCard } from '../../contracts/self-service.js';
import { fail } from '../../domain/errors.js';
import { ACTIVE_STATUSES, type Gender, type MemberStatus } from '../../domain/members/reference-lists.js';
import { formatMemberRef, MEMBER_REF_SIGNATURE_LENGTH, parseMemberRef } from '../../domain/members/self-service-ref.js';
import { loadOwnMember } from './self-service.profile.js';
import { findMemberById, hasPhoto, unitName } from './self-service.queries.js';

/** What signs and links card references: the app's auth secret and its public address. */
export interface CardKeys {
  secret: string;
  publicUrl: string;
}

function signature(secret: string, memberId: string): string {
  return createHmac('sha256', secret).update(`doanso:member-card:v1:${memberId}`).digest('base64url');
}

/** The signed reference of a member: `DS1.<memberId>.<HMAC-SHA256 of the id with the auth secret, truncated>`. */
export function signMemberRef(secret: string, memberId: string): string {
  return formatMemberRef(memberId, signature(secret, memberId));
}

/** The member id of a reference whose signature is right, else null (compared in constant time). */
export function verifyMemberRef(secret: string, ref: string): string | null {
  const parsed = parseMemberRef(ref);
  if (!parsed) return null;
  const expected = Buffer.from(signature(secret, parsed.memberId).slice(0, MEMBER_REF_SIGNATURE_LENGTH));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? parsed.memberId : null;
}

/** The public page that verifies a reference: what the card's QR code encodes. */
export function verifyUrl(keys: CardKeys, ref: string): string {
  return `${keys.publicUrl.replace(/\/+$/, '')}/cards/verify/${encodeURIComponent(ref)}`;
}

const isActive = (status: string) => ACTIVE_STATUSES.includes(status as MemberStatus);

/** The member's own e-card: name, card number, branch, photo flag and the signed reference. */
export async function ownCard(db: DbOrTx, actor: Actor, keys: CardKeys): Promise<MemberCard> {
  const found = await loadOwnMember(db, actor);
  const m = found.member;
  const [parentUnitName, photo] = await Promise.all([unitName(db, found.parentId), hasPhoto(db, m.id)]);
  const reference = signMemberRef(keys.secret, m.id);
  return {
    memberId: m.id,
    fullName: m.fullName,
    birthDate: m.birthDate,
    birthYearOnly: m.birthYearOnly,
    gender: m.gender as Gender,
    cardNumber: m.cardNumber,
    cardIssuedOn: m.cardIssuedOn,
    joinedOn: m.joinedOn,
    unitName: found.unitName,
    parentUnitName,
    status: m.status as MemberStatus,
    active: isActive(m.status),
    hasPhoto: photo,
    reference,
    verifyUrl: verifyUrl(keys, reference),
  };
}

/** The QR code of the member's own card as SVG. */
export async function ownCardQr(db: DbOrTx, actor: Actor, keys: CardKeys): Promise<string> {
  const found = await loadOwnMember(db, actor);
  return QRCode.toString(verifyUrl(keys, signMemberRef(keys.secret, found.member.id)), {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 1,
  });
}

/** What a scanned reference proves: name, card number, branch and whether the membership is active; 404 if forged. */
export async function verifyCard(db: DbOrTx, secret: string, ref: string): Promise<CardVerification> {
  const memberId = verifyMemberRef(secret, ref);
  const found = memberId ? await findMemberById(db, memberId) : null;
  if (!found) throw fail.notFound('thẻ đoàn viên: mã xác thực không hợp lệ');
  return {
    fullName: found.member.fullName,
    cardNumber: found.member.cardNumber,
    unitName: found.unitName,
    active: isActive(found.member.status),
  };
}
