import { hashPassword, verifyPassword } from 'better-auth/crypto';

/** Hashes a password the way better-auth verifies it at login. */
export function hash(password: string): Promise<string> {
  return hashPassword(password);
}

/** True when the password matches the stored hash. */
export function verify(hashValue: string, password: string): Promise<boolean> {
  return verifyPassword({ hash: hashValue, password });
}
