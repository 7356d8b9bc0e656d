const PREFIX = 'MT1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signs the payload of a check-in code (the module passes HMAC-SHA256 with the auth secret, base64url). */
export type CodeSigner = (payload: string) => string;

/** What a code's signature covers: a versioned label, the meeting and the expiry. */
export function checkInPayload(meetingId: string, expiresAt: number): string {
  return `doanso:meeting-checkin:v1:${meetingId}.${expiresAt}`;
}

/** A check-in code: `MT1.<meetingId>.<expiry in epoch seconds>.<signature>`. */
export function signCheckInCode(sign: CodeSigner, meetingId: string, expiresAt: number): string {
  return `${PREFIX}.${meetingId}.${expiresAt}.${sign(checkInPayload(meetingId, expiresAt))}`;
}

/** What a scanned code says: forged (bad shape or signature), expired, or the meeting it opens. */
export type CheckInCodeCheck =
  { ok: true; meetingId: string; expiresAt: number } | { ok: false; reason: 'forged' | 'expired' };

/**
 * Verifies a code's signature with `equal` (a constant-time comparison), then its expiry against `nowSeconds`.
 * A forged code is reported as forged even when its expiry has passed.
 */
export function verifyCheckInCode(
  sign: CodeSigner,
  code: string,
  nowSeconds: number,
  equal: (a: string, b: string) => boolean = (a, b) => a === b,
): CheckInCodeCheck {
  const parts = code.trim().split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) return { ok: false, reason: 'forged' };
  const [, meetingId = '', expiry = '', given = ''] = parts;
  if (!UUID.test(meetingId) || !/^\d{1,12}$/.test(expiry) || given === '') return { ok: false, reason: 'forged' };
  const expiresAt = Number(expiry);
  if (!equal(sign(checkInPayload(meetingId, expiresAt)), given)) return { ok: false, reason: 'forged' };
  if (expiresAt < nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, meetingId, expiresAt };
}

/** "HH:MM" of an instant in Vietnam time (UTC+7). */
export function timeInVietnam(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
}
