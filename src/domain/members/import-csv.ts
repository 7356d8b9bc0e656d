const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The delimiter of a CSV text: the one of comma, semicolon and tab that splits the most of the first lines
 * into several fields (title lines have one field whatever the delimiter).
 */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .split(/\r?\n/)
    .slice(0, 30);
  let best: string = ',';
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    let score = 0;
    for (const line of lines) {
      const fields = splitLine(line, delimiter);
      if (fields > 1) score += fields;
    }
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

function splitLine(line: string, delimiter: string): number {
  let fields = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) fields++;
  }
  return fields;
}

/**
 * Records of a CSV text (RFC 4180: quoted fields may hold delimiters, quotes doubled, line breaks).
 * A leading byte-order mark is dropped; `="0905..."` (Excel's way of keeping leading zeros) gives the text.
 */
export function* parseCsv(text: string, delimiter = detectDelimiter(text)): Generator<string[]> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    const m = !wasQuoted && field.match(/^="(.*)"$/);
    record.push(m ? (m[1] ?? '') : field);
    field = '';
    wasQuoted = false;
  };
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      endField();
      yield record;
      record = [];
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    endField();
    yield record;
  }
}

/** A CSV field, quoted when it holds a delimiter, a quote or a line break. */
export function csvField(value: string): string {
  return /[",;\n\r\t]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
