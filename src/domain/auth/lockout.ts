/** How many failed logins within the window lock an account, and for how long. */
export const LOCKOUT = { maxFailures: 5, windowMinutes: 15 } as const;

/** Minutes left before a locked username may try again, or 0 when it is not locked. */
export function lockedMinutesLeft(failureTimes: readonly Date[], now: Date): number {
  const windowMs = LOCKOUT.windowMinutes * 60_000;
  const recent = failureTimes.filter((t) => now.getTime() - t.getTime() < windowMs);
  if (recent.length < LOCKOUT.maxFailures) return 0;
  const latest = Math.max(...recent.map((t) => t.getTime()));
  return Math.max(1, Math.ceil((latest + windowMs - now.getTime()) / 60_000));
}
