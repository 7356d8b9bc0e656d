/** Unicode NFC, trimmed, inner runs of whitespace collapsed: how every name is stored. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Lower case without diacritics (đ becomes d): the form used for search. */
export function foldVietnamese(value: string): string {
  return normalizeText(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** The given name: the last word of a Vietnamese full name. */
export function givenName(fullName: string): string {
  const words = normalizeText(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });

/** Compares full names the Vietnamese way: given name first, then the rest from the family name on. */
export function compareVietnameseNames(a: string, b: string): number {
  const byGiven = collator.compare(givenName(a), givenName(b));
  if (byGiven !== 0) return byGiven;
  return collator.compare(normalizeText(a), normalizeText(b));
}

/** Folds for ordering: like search folding, but đ sorts after d (as "dz"). */
function foldForSort(value: string): string {
  return foldVietnamese(value.replace(/đ/g, 'dz').replace(/Đ/g, 'Dz'));
}

/** The stored sort key of a name: the given name first, then the whole name (Vietnamese name order). */
export function nameSortKey(fullName: string): string {
  return `${foldForSort(givenName(fullName))} ${foldForSort(fullName)}`;
}
