/** dd/mm/yyyy from an ISO date (yyyy-mm-dd...). */
export function formatDateVi(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

/** Today's date as yyyy-mm-dd in Vietnam (UTC+7), the calendar cadres live by. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
