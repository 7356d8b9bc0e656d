/** The unit and year of a procedure page, kept in the query string. */
export interface UnitYearSearch {
  unitId?: string;
  year?: number;
  tab?: string;
}

/** Reads `unitId`, `year` and `tab` from the query string, dropping anything malformed. */
export function parseUnitYearSearch(search: Record<string, unknown>): UnitYearSearch {
  const out: UnitYearSearch = {};
  if (typeof search.unitId === 'string' && /^[0-9a-f-]{36}$/.test(search.unitId)) out.unitId = search.unitId;
  const year = Number(search.year);
  if (Number.isInteger(year) && year >= 1956 && year <= 2200) out.year = year;
  if (typeof search.tab === 'string' && /^[a-z]{1,20}$/.test(search.tab)) out.tab = search.tab;
  return out;
}
