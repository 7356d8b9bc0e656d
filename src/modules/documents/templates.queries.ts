import { and, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentTemplates, units, user } from '../../db/schema/index.js';
import { rows } from '../../db/rows.js';

/** An active template uploaded by a unit on the path, with the unit and the uploader's names. */
export interface TemplateInUse {
  id: string;
  kind: string;
  unitId: string;
  unitName: string;
  fileName: string;
  uploadedByName: string | null;
  uploadedAt: string;
}

/**
 * For each kind, the active template nearest to the unit at `unitPath`: its own, else the nearest ancestor's.
 * Kinds without one use the default in templates/.
 */
export async function templatesInUse(db: DbOrTx, unitPath: string, kind?: string): Promise<TemplateInUse[]> {
  return rows<TemplateInUse>(
    db,
    sql`select distinct on (t.kind) t.id, t.kind, t.unit_id as "unitId", u.name as "unitName",
        t.file_name as "fileName", a.name as "uploadedByName", t.uploaded_at::text as "uploadedAt"
      from ${documentTemplates} t
      join ${units} u on u.id = t.unit_id
      left join ${user} a on a.id = t.uploaded_by
      where t.active and u.path @> ${unitPath}::ltree ${kind ? sql`and t.kind = ${kind}` : sql``}
      order by t.kind, nlevel(u.path) desc`,
  );
}

/** The bytes of a stored template. */
export async function templateBytes(db: DbOrTx, templateId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ data: documentTemplates.data })
    .from(documentTemplates)
    .where(eq(documentTemplates.id, templateId));
  return row?.data ?? null;
}

/** How many earlier (inactive) templates a unit keeps per kind. */
export async function previousCounts(db: DbOrTx, unitId: string): Promise<Map<string, number>> {
  const found = await db
    .select({ kind: documentTemplates.kind, n: count() })
    .from(documentTemplates)
    .where(and(eq(documentTemplates.unitId, unitId), eq(documentTemplates.active, false)))
    .groupBy(documentTemplates.kind);
  return new Map(found.map((r) => [r.kind, r.n]));
}

/** Retires the unit's active template of a kind (the row stays as history); returns it, or null. */
export async function deactivateOwn(tx: DbOrTx, unitId: string, kind: string) {
  const [row] = await tx
    .update(documentTemplates)
    .set({ active: false })
    .where(
      and(eq(documentTemplates.unitId, unitId), eq(documentTemplates.kind, kind), eq(documentTemplates.active, true)),
    )
    .returning({ id: documentTemplates.id, fileName: documentTemplates.fileName });
  return row ?? null;
}

/** Stores a unit's new active template of a kind. */
export async function insertTemplate(
  tx: DbOrTx,
  values: { unitId: string; kind: string; fileName: string; data: Buffer; uploadedBy: string },
): Promise<string> {
  const [row] = await tx.insert(documentTemplates).values(values).returning({ id: documentTemplates.id });
  if (!row) throw new Error('insert returned no row');
  return row.id;
}
