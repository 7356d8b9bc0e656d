/** The version tag at the start of a signed member reference. */
export const MEMBER_REF_PREFIX = 'DS1';

/** Characters of base64url signature kept in a reference (22 characters = 132 bits). */
export const MEMBER_REF_SIGNATURE_LENGTH = 22;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = new RegExp(`^[A-Za-z0-9_-]{${MEMBER_REF_SIGNATURE_LENGTH}}$`);

/** A signed member reference carried by the e-card's QR code: `DS1.<memberId>.<signature>`. */
export function formatMemberRef(memberId: string, signature: string): string {
  return `${MEMBER_REF_PREFIX}.${memberId}.${signature.slice(0, MEMBER_REF_SIGNATURE_LENGTH)}`;
}

/** The parts of a well-formed reference, or null (the signature itself is checked by the caller). */
export function parseMemberRef(ref: string): { memberId: string; signature: string } | null {
  const parts = ref.trim().split('.');
  if (parts.length !== 3) return null;
  const [prefix, memberId, signature] = parts as [string, string, string];
  if (prefix !== MEMBER_REF_PREFIX) return null;
  const id = memberId.toLowerCase();
  if (!UUID.test(id) || !SIGNATURE.test(signature)) return null;
  return { memberId: id, signature };
}
