import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rows } from '../../db/rows.js';
import { typedList } from '../../db/sql-lists.js';
import { withinScope } from '../../db/scope.js';

/** A branch designation: pilot (chi đoàn chỉ đạo) or remote (vùng sâu, vùng xa, phân tán). */
export type DesignationKind = 'pilot' | 'remote';

/** The units among `unitIds` that hold the designation on `onDate` (yyyy-mm-dd). */
export async function designatedOn(
  db: DbOrTx,
  unitIds: readonly string[],
  kind: DesignationKind,
  onDate: string,
): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const found = await rows<{ unit_id: string }>(
    db,
    sql`select distinct unit_id from branch_designations
        where unit_id in (${typedList(unitIds, 'uuid')}) and kind = ${kind}
          and valid_from <= ${onDate}::date and (valid_to is null or valid_to > ${onDate}::date)`,
  );
  return new Set(found.map((r) => r.unit_id));
}

/** A branch (or any unit) with its parent and nearest đoàn cơ sở, found inside the read scope. */
export interface BranchUnit {
  id: string;
  name: string;
  code: string;
  path: string;
  kind: string;
  closedOn: string | null;
  parentId: string | null;
  parentPath: string | null;
  address: string | null;
  parentName: string | null;
  /** The nearest ancestor of a grassroots kind (đoàn cơ sở), else the parent. */
  grassrootsId: string | null;
  grassrootsName: string | null;
  grassrootsPath: string | null;
}

/** A unit inside `scope`, with its parent and đoàn cơ sở; null outside the scope. */
export async function findBranchUnit(
  db: DbOrTx,
  scope: readonly string[],
  unitId: string,
  grassrootsKinds: readonly string[],
): Promise<BranchUnit | null> {
  const [row] = await rows<BranchUnit>(
    db,
    sql`select u.id, u.name, u.code, u.path::text as "path", u.kind, u.closed_on::text as "closedOn",
               u.parent_id as "parentId", p.path::text as "parentPath", p.name as "parentName", u.address,
               coalesce(g.id, p.id) as "grassrootsId", coalesce(g.name, p.name) as "grassrootsName",
               coalesce(g.path, p.path)::text as "grassrootsPath"
        from units u
        left join units p on p.id = u.parent_id
        left join lateral (
          select a.id, a.name, a.path from units a
          where a.path @> u.path and a.id <> u.id and a.kind in (${sql.join(
            grassrootsKinds.map((k) => sql`${k}`),
            sql`, `,
          )})
          order by nlevel(a.path) desc limit 1
        ) g on true
        where u.id = ${unitId}::uuid and ${withinScope(sql`u.path`, scope)}`,
  );
  return row ?? null;
}

/** A stored designation with the names of who set and ended it. */
export interface DesignationRow {
  id: string;
  unitId: string;
  kind: DesignationKind;
  validFrom: string;
  validTo: string | null;
  note: string | null;
  createdByName: string | null;
  endedByName: string | null;
}

const designationColumns = sql`d.id, d.unit_id as "unitId", d.kind, d.valid_from::text as "validFrom",
  d.valid_to::text as "validTo", d.note, cu.name as "createdByName", eu.name as "endedByName"`;

/** The designations of a unit, newest first. */
export async function designationsOf(db: DbOrTx, unitId: string): Promise<DesignationRow[]> {
  return rows<DesignationRow>(
    db,
    sql`select ${designationColumns} from branch_designations d
        left join "user" cu on cu.id = d.created_by left join "user" eu on eu.id = d.ended_by
        where d.unit_id = ${unitId}::uuid order by d.valid_from desc, d.created_at desc`,
  );
}

/** One designation of a unit, locked until the transaction ends. */
export async function lockDesignation(tx: DbOrTx, unitId: string, designationId: string) {
  const [row] = await rows<DesignationRow>(
    tx,
    sql`select ${designationColumns} from branch_designations d
        left join "user" cu on cu.id = d.created_by left join "user" eu on eu.id = d.ended_by
        where d.id = ${designationId}::uuid and d.unit_id = ${unitId}::uuid for update of d`,
  );
  return row ?? null;
}

/** Locks a unit row (serialises pilot choices under one đoàn cơ sở). */
export async function lockUnit(tx: DbOrTx, unitId: string): Promise<void> {
  await tx.execute(sql`select id from units where id = ${unitId}::uuid for update`);
}

/** A pilot designation of another branch under `grassrootsPath` that overlaps a span starting `validFrom`. */
export async function overlappingPilot(tx: DbOrTx, grassrootsPath: string, branchId: string, validFrom: string) {
  const [row] = await rows<{ name: string; validTo: string | null }>(
    tx,
    sql`select u.name, d.valid_to::text as "validTo" from branch_designations d join units u on u.id = d.unit_id
        where d.kind = 'pilot' and u.path <@ ${grassrootsPath}::ltree and u.id <> ${branchId}::uuid
          and (d.valid_to is null or d.valid_to > ${validFrom}::date)
        order by d.valid_from desc limit 1`,
  );
  return row ?? null;
}

/** Adds a designation; returns its id. */
export async function insertDesignation(
  tx: DbOrTx,
  values: { unitId: string; kind: DesignationKind; validFrom: string; note: string | null; createdBy: string },
): Promise<string> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into branch_designations (unit_id, kind, valid_from, note, created_by)
        values (${values.unitId}::uuid, ${values.kind}, ${values.validFrom}::date, ${values.note}, ${values.createdBy})
        returning id`,
  );
  if (!row) throw new Error('designation insert returned no row');
  return row.id;
}

/** Ends an open designation. */
export async function endDesignation(tx: DbOrTx, id: string, validTo: string, endedBy: string): Promise<void> {
  await tx.execute(
    sql`update branch_designations set valid_to = ${validTo}::date, ended_by = ${endedBy}
        where id = ${id}::uuid and valid_to is null`,
  );
}
