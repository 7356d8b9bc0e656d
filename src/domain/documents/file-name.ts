/** Letters without diacritics (Đ becomes D), for the ASCII form of a file name. */
function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * The file name of an issued document from its number and symbol: "15-QĐ/ĐTN" -> "15-QĐ-ĐTN.docx"
 * (a slash cannot be in a file name).
 */
export function documentFileName(numberText: string, extension = 'docx'): string {
  const base = numberText
    .normalize('NFC')
    .replace(/[/\\:*?"<>|]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'van-ban'}.${extension}`;
}

/** The ASCII form of a file name for the plain `filename=` parameter: "15-QĐ-ĐTN.docx" -> "15-QD-DTN.docx". */
export function asciiFileName(name: string): string {
  const ascii = stripDiacritics(name.normalize('NFC'))
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\;]/g, '')
    .replace(/\s+/g, '-');
  return ascii === '' || ascii.startsWith('.') ? `file${ascii}` : ascii;
}

/**
 * A Content-Disposition header for a download: the ASCII name for old clients and the UTF-8 name
 * (RFC 5987) for the others: `attachment; filename="15-QD-DTN.docx"; filename*=UTF-8''15-Q%C4%90-%C4%90TN.docx`.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const utf8 = encodeURIComponent(name.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${asciiFileName(name)}"; filename*=UTF-8''${utf8}`;
}

/** A slug of a name for file names: "Đoàn phường Hải Châu" -> "doan-phuong-hai-chau". */
export function slug(text: string): string {
  return stripDiacritics(text.normalize('NFC'))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
