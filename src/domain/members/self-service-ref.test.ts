import { describe, expect, it } from 'vitest';
import { formatMemberRef, parseMemberRef } from './self-service-ref.js';

describe('signed member references', () => {
  const id = '0b6f1c2e-7a4d-4c1b-9f3e-2d5a6b7c8d9e';
  const sig = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123';

  it('formats DS1.<id>.<signature> with a truncated signature and parses it back', () => {
    const ref = formatMemberRef(id, sig);
    expect(ref).toBe(`DS1.${id}.AbCdEfGhIjKlMnOpQrStUv`);
    expect(parseMemberRef(ref)).toEqual({ memberId: id, signature: 'AbCdEfGhIjKlMnOpQrStUv' });
  });

  it('refuses malformed references', () => {
    expect(parseMemberRef(`DS2.${id}.AbCdEfGhIjKlMnOpQrStUv`)).toBeNull();
    expect(parseMemberRef(`DS1.not-a-uuid.AbCdEfGhIjKlMnOpQrStUv`)).toBeNull();
    expect(parseMemberRef(`DS1.${id}.short`)).toBeNull();
    expect(parseMemberRef(`DS1.${id}.AbCdEfGhIjKlMnOpQrStU+`)).toBeNull();
    expect(parseMemberRef('')).toBeNull();
  });
});
