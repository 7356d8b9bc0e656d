import type { FormInstance } from 'antd';
import { ApiError } from './api';

type NamePath = (string | number)[];

/** `parts.0.name` or `parts[0].name` as an antd name path. */
export function toNamePath(field: string): NamePath {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the server's field issues on the matching form fields.
 * Returns true when every issue found a field (so no extra alert is needed).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, rename: Record<string, string> = {}): boolean {
  if (!(error instanceof ApiError)) return false;
  const issues = error.fieldIssues;
  if (issues.length === 0) return false;
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  let allMatched = true;
  for (const issue of issues) {
    const name = toNamePath(rename[issue.field] ?? issue.field);
    const key = JSON.stringify(name);
    if (!registered.has(key)) {
      allMatched = false;
      continue;
    }
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issue.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return allMatched;
}
