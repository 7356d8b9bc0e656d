import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { memberFields } from '../../contracts/members.js';
import { inScope } from '../../domain/auth/permissions.js';
import type { ImportField } from '../../domain/members/import-fields.js';
import type { CellValue } from '../../domain/members/import-headers.js';
import type { CellIssue, ImportValues, MappedColumn } from '../../domain/members/import-row.js';
import { maskTail } from '../../domain/members/member-rules.js';
import type { MemberRow } from '../members/members.queries.js';
import { activeByCccd, resolveBranches, type Branch } from './member-import.branches.js';

/** What a job's rows are checked against: the actor's scopes, the chosen unit, the default branch, the file. */
export interface ImportContext {
  actor: Actor;
  writeScope: string[];
  readScope: string[];
  unit: { id: string; name: string; path: string };
  defaultBranch: Branch | null;
  /** Sees CCCD and phone of existing members unmasked. */
  personal: boolean;
  columns: Map<ImportField, MappedColumn>;
  branches: Map<string, Branch | string>;
  /** CCCD -> the first row holding it. */
  seen: Map<string, number>;
  /** First rows of CCCDs found again further down, with the problem to add to them. */
  firstDuplicates: Map<number, CellIssue[]>;
  /**
   * Check the values against the contract's limits. The dry run does; the commit re-reads values the dry run
   * stored after checking them, and re-checks only what the database may have changed since.
   */
  checkValues: boolean;
}

/** A cell of a row as written in the file: column letter, header, text shown. */
export interface RawCell {
  column: string;
  header: string;
  value: string;
}

/** A row read from the file, waiting to be classified. */
export interface PendingRow {
  rowNumber: number;
  values: ImportValues;
  branchRef: string | null;
  issues: CellIssue[];
  /** The row's cells as read (dry run only): kept with a rejected row so that its raw values can be shown. */
  cells?: readonly CellValue[];
}

/** A field an update changes. */
export interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

/** What will happen to a row. */
export interface ClassifiedRow extends PendingRow {
  outcome: 'create' | 'update' | 'unchanged' | 'reject';
  branch: Branch | null;
  existing: (MemberRow & { unitPath: string }) | null;
  changes: Change[] | null;
}

/** The limits the domain readers do not check themselves: lengths of free text, the e-mail form. */
const check = memberFields
  .pick({
    ethnicity: true,
    religion: true,
    email: true,
    admittedAt: true,
    cardNumber: true,
    position: true,
    educationLevel: true,
    qualification: true,
    occupation: true,
    schoolClass: true,
    workplace: true,
    hometown: true,
    permanentAddress: true,
    residenceAddress: true,
  })
  .partial();

function cellIssue(ctx: ImportContext, field: ImportField, message: string): CellIssue {
  const column = ctx.columns.get(field);
  return { column: column?.letter ?? '', header: column?.header ?? '', message };
}

function contractIssues(ctx: ImportContext, row: PendingRow): CellIssue[] {
  if (!ctx.checkValues) return [];
  const result = check.safeParse(row.values);
  if (result.success) return [];
  return result.error.issues.map((i) => cellIssue(ctx, String(i.path[0] ?? '') as ImportField, i.message));
}

/** The fields an import changes on an existing member (an empty cell changes nothing). */
export function changesFor(before: MemberRow, values: ImportValues, branch: Branch | null): Change[] {
  const changes: Change[] = [];
  const keepExactBirth =
    values.birthYearOnly === true &&
    !before.birthYearOnly &&
    before.birthDate?.slice(0, 4) === values.birthDate?.slice(0, 4);
  for (const [key, value] of Object.entries(values) as [keyof ImportValues, unknown][]) {
    if (keepExactBirth && (key === 'birthDate' || key === 'birthYearOnly')) continue;
    if (value !== undefined && before[key] !== value) changes.push({ field: key, before: before[key], after: value });
  }
  if (branch && branch.id !== before.unitId) changes.push({ field: 'unitId', before: before.unitId, after: branch.id });
  return changes;
}

/** Changes as shown to an actor who may not see personal data. */
export function maskedChanges(changes: Change[], personal: boolean): Change[] {
  if (personal) return changes;
  return changes.map((c) =>
    c.field === 'cccd' || c.field === 'phone'
      ? { ...c, before: maskTail(c.before as string | null), after: maskTail(c.after as string | null) }
      : c,
  );
}

function existingProblem(ctx: ImportContext, cccd: string, found: MemberRow & { unitPath: string }) {
  const where = inScope(ctx.readScope, found.unitPath)
    ? `hồ sơ ${found.fullName} đang sinh hoạt ngoài ${ctx.unit.name}`
    : 'hồ sơ một đoàn viên đang sinh hoạt ở đơn vị ngoài phạm vi quản lý của bạn';
  return `Số CCCD ${cccd} đã có trong ${where}: không nhập được (hãy làm thủ tục chuyển sinh hoạt).`;
}

/**
 * Decides each row's outcome: CCCD of an active member in the chosen unit's subtree (and the write scope)
 * is an update (or unchanged), no match is a create, anything wrong is a reject with the reasons by cell.
 * Branch references are resolved once per job; `lock` locks the matched members (commit).
 */
export async function classifyRows(
  db: DbOrTx,
  ctx: ImportContext,
  pending: readonly PendingRow[],
  lock: boolean,
): Promise<ClassifiedRow[]> {
  const unknown = [
    ...new Set(pending.flatMap((r) => (r.branchRef && !ctx.branches.has(r.branchRef) ? [r.branchRef] : []))),
  ];
  for (const [ref, found] of await resolveBranches(db, ctx.writeScope, ctx.unit, unknown)) ctx.branches.set(ref, found);
  const cccds = [...new Set(pending.flatMap((r) => (r.values.cccd ? [r.values.cccd] : [])))];
  const existing = new Map(
    (await activeByCccd(db, cccds, lock)).map((e) => [e.member.cccd, { ...e.member, unitPath: e.unitPath }]),
  );
  return pending.map((row) => classifyOne(ctx, row, existing));
}

function trackDuplicate(ctx: ImportContext, row: PendingRow, issues: CellIssue[]): void {
  const { cccd } = row.values;
  if (!cccd) return;
  const first = ctx.seen.get(cccd);
  if (first === undefined || first === row.rowNumber) {
    ctx.seen.set(cccd, row.rowNumber);
    return;
  }
  issues.push(cellIssue(ctx, 'cccd', `Số CCCD ${cccd} trùng với dòng ${first} trong tệp.`));
  const list = ctx.firstDuplicates.get(first) ?? [];
  list.push(cellIssue(ctx, 'cccd', `Số CCCD ${cccd} trùng với dòng ${row.rowNumber} trong tệp.`));
  ctx.firstDuplicates.set(first, list);
}

function missing(ctx: ImportContext, row: PendingRow, field: ImportField, present: boolean, message: string) {
  const column = ctx.columns.get(field);
  if (present || row.issues.some((i) => column && i.column === column.letter)) return [];
  return [cellIssue(ctx, field, message)];
}

function classifyOne(
  ctx: ImportContext,
  row: PendingRow,
  existing: Map<string | null, MemberRow & { unitPath: string }>,
): ClassifiedRow {
  const issues = [...row.issues, ...contractIssues(ctx, row)];
  trackDuplicate(ctx, row, issues);
  let branch: Branch | null = null;
  if (row.branchRef) {
    const found = ctx.branches.get(row.branchRef);
    if (typeof found === 'string') issues.push(cellIssue(ctx, 'branch', found));
    else branch = found ?? null;
  }
  const { cccd } = row.values;
  const match = cccd ? (existing.get(cccd) ?? null) : null;
  const base = { ...row, issues, existing: match, changes: null };
  if (match) {
    const mine = inScope(ctx.writeScope, match.unitPath) && inScope([ctx.unit.path], match.unitPath);
    if (!mine) issues.push(cellIssue(ctx, 'cccd', existingProblem(ctx, cccd!, match)));
    if (issues.length > 0) return { ...base, branch, outcome: 'reject' };
    const changes = changesFor(match, row.values, branch);
    return { ...base, branch, changes, outcome: changes.length > 0 ? 'update' : 'unchanged' };
  }
  if (!row.branchRef) branch = ctx.defaultBranch;
  const noBranch = ctx.columns.has('branch')
    ? 'Thiếu chi đoàn: hãy ghi mã hoặc tên chi đoàn, hoặc chọn chi đoàn mặc định khi tải tệp.'
    : 'Tệp không có cột "Chi đoàn": hãy chọn chi đoàn mặc định khi tải tệp.';
  const noGender = ctx.columns.has('gender')
    ? 'Giới tính là bắt buộc (Nam hoặc Nữ).'
    : 'Tệp không có cột "Giới tính": cần có để thêm đoàn viên mới.';
  issues.push(
    ...missing(ctx, row, 'branch', branch !== null || row.branchRef !== null, noBranch),
    ...missing(ctx, row, 'fullName', row.values.fullName !== undefined, 'Họ và tên là bắt buộc.'),
    ...missing(ctx, row, 'gender', row.values.gender !== undefined, noGender),
  );
  return { ...base, branch, outcome: issues.length > 0 ? 'reject' : 'create' };
}
