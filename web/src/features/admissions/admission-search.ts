import { ADMISSION_STATUSES, type AdmissionStatus } from '../../../../src/domain/workflows/admission';
import type { AdmissionsSearch } from './admissions-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The admissions page's query string: a unit id and a status, anything else dropped. */
export function parseAdmissionsSearch(search: Record<string, unknown>): AdmissionsSearch {
  const out: AdmissionsSearch = {};
  if (typeof search.unitId === 'string' && UUID.test(search.unitId)) out.unitId = search.unitId;
  if (typeof search.status === 'string' && (ADMISSION_STATUSES as readonly string[]).includes(search.status))
    out.status = search.status as AdmissionStatus;
  return out;
}
