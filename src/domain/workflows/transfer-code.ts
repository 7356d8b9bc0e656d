import type { TransferKind } from './transfer.js';

/** Letters and digits that cannot be mistaken for one another when typed from paper (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Number of random characters of a code. */
export const CODE_LENGTH = 6;

const PREFIX: Record<TransferKind, string> = { external: 'GT', temporary: 'TT', internal: 'NB' };

/**
 * The code of a transfer, printed on the introduction letter: "GT-2026-7K3F9Q" (GT = giấy giới thiệu,
 * TT = tạm thời, NB = nội bộ). `randomInt(n)` returns an integer in [0, n) from a secure source.
 */
export function transferCode(kind: TransferKind, year: number, randomInt: (max: number) => number): string {
  let tail = '';
  for (let i = 0; i < CODE_LENGTH; i++) tail += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${PREFIX[kind]}-${year}-${tail}`;
}

const CODE_PATTERN = new RegExp(`^(GT|TT|NB)-(\\d{4})-([${CODE_ALPHABET}]{${CODE_LENGTH}})$`);

/**
 * A code as typed by a cadre ("gt 2026 7k3f9q", "GT20267K3F9Q", spaces or dashes anywhere) in its printed form,
 * or null when it cannot be a code.
 */
export function normalizeTransferCode(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.–—]/g, '');
  const m = /^(GT|TT|NB)(\d{4})([0-9A-Z]{6})$/.exec(compact);
  if (!m) return null;
  const code = `${m[1]}-${m[2]}-${m[3]}`;
  return CODE_PATTERN.test(code) ? code : null;
}
