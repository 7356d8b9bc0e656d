import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';

/** How dates are shown everywhere (the API uses ISO yyyy-mm-dd). */
export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';

/** dd/mm/yyyy from an ISO date or timestamp; empty for null. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value.length === 10 ? `${value}T00:00:00` : value);
  return d.isValid() ? d.format(DATE_FORMAT) : value;
}

/** dd/mm/yyyy HH:mm (local time) from an ISO timestamp. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(DATE_TIME_FORMAT) : value;
}

/** yyyy-mm-dd for the API from a picker value. */
export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** A picker value from an ISO date. */
export function fromIsoDate(value: string | null | undefined): Dayjs | undefined {
  if (!value) return undefined;
  const d = dayjs(value.slice(0, 10), 'YYYY-MM-DD');
  return d.isValid() ? d : undefined;
}

/** Today as yyyy-mm-dd (local calendar). */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
