import { describe, expect, it } from 'vitest';
import { checkInPayload, signCheckInCode, timeInVietnam, verifyCheckInCode } from './meeting-code.js';

const ID = '3f1c2b7e-8d4a-4c1b-9e2f-0a1b2c3d4e5f';
/** A stand-in signer: the real one is HMAC-SHA256 in the meetings module. */
const sign = (secret: string) => (payload: string) => Buffer.from(`${secret}/${payload}`).toString('base64url');

describe('check-in codes', () => {
  it('signs the meeting and expiry in the MT1 shape', () => {
    const code = signCheckInCode(sign('k'), ID, 1_700_000_000);
    expect(code.startsWith(`MT1.${ID}.1700000000.`)).toBe(true);
    expect(checkInPayload(ID, 5)).toBe(`doanso:meeting-checkin:v1:${ID}.5`);
  });

  it('accepts a fresh code and reports its meeting', () => {
    const code = signCheckInCode(sign('k'), ID, 2000);
    expect(verifyCheckInCode(sign('k'), code, 1999)).toEqual({ ok: true, meetingId: ID, expiresAt: 2000 });
  });

  it('refuses an expired code', () => {
    const code = signCheckInCode(sign('k'), ID, 2000);
    expect(verifyCheckInCode(sign('k'), code, 2001)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses codes signed with another secret, edited or malformed as forged', () => {
    const code = signCheckInCode(sign('other'), ID, 2000);
    expect(verifyCheckInCode(sign('k'), code, 1000)).toEqual({ ok: false, reason: 'forged' });
    const good = signCheckInCode(sign('k'), ID, 2000);
    const later = good.replace('.2000.', '.9999.');
    expect(verifyCheckInCode(sign('k'), later, 1000).ok).toBe(false);
    for (const bad of ['', 'MT1', `MT2.${ID}.2000.x`, `MT1.nope.2000.x`, `MT1.${ID}.abc.x`, `MT1.${ID}.2000.`])
      expect(verifyCheckInCode(sign('k'), bad, 1000)).toEqual({ ok: false, reason: 'forged' });
  });

  it('reports a forged expired code as forged', () => {
    const code = signCheckInCode(sign('other'), ID, 10);
    expect(verifyCheckInCode(sign('k'), code, 1000)).toEqual({ ok: false, reason: 'forged' });
  });

  it('shows times in Vietnam', () => {
    expect(timeInVietnam(new Date('2025-03-01T01:05:00Z'))).toBe('08:05');
    expect(timeInVietnam(new Date('2025-03-01T18:30:00Z'))).toBe('01:30');
  });
});
