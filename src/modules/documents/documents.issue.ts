import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentCounters, documents } from '../../db/schema/index.js';
import { DOCUMENT_KINDS, documentNumberText } from '../../domain/documents/document-kinds.js';
import type { DocumentKind } from '../../domain/documents/document-kinds.js';
import type { DocumentData } from '../../domain/documents/document-data.js';
import { audit, type RequestContext } from '../audit/audit.service.js';

/** What a procedure asks to issue. */
export interface IssueDocumentInput {
  /** The issuing unit. */
  unitId: string;
  unitPath: string;
  kind: DocumentKind;
  /** ISO date of issue; its year picks the counter. */
  issuedOn: string;
  subject: string;
  /** What the document is rendered from. */
  data: DocumentData;
  entity?: string;
  entityId?: string;
  place?: string | null;
  signerTitle?: string | null;
  signerName?: string | null;
}

/** An issued document's identity. */
export interface IssuedDocument {
  id: string;
  number: number;
  numberText: string;
}

/**
 * Gives the next number of the issuing unit for the year and stores the document, inside the caller's
 * transaction: the counter row stays locked until commit, so two decisions never share a number and a
 * rolled-back decision gives its number back.
 */
export async function issueDocument(
  tx: DbOrTx,
  ctx: RequestContext,
  input: IssueDocumentInput,
): Promise<IssuedDocument> {
  const year = Number(input.issuedOn.slice(0, 4));
  const [counter] = await tx
    .insert(documentCounters)
    .values({ unitId: input.unitId, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.unitId, documentCounters.year],
      set: { lastNumber: sql`${documentCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: documentCounters.lastNumber });
  const number = counter!.lastNumber;
  const symbol = DOCUMENT_KINDS[input.kind].symbol;
  const numberText = documentNumberText(number, symbol);
  const [row] = await tx
    .insert(documents)
    .values({
      unitId: input.unitId,
      kind: input.kind,
      year,
      number,
      symbol,
      numberText,
      issuedOn: input.issuedOn,
      place: input.place ?? null,
      subject: input.subject,
      data: input.data,
      signerTitle: input.signerTitle ?? null,
      signerName: input.signerName ?? null,
      entity: input.entity ?? null,
      entityId: input.entityId ?? null,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning({ id: documents.id });
  await audit(tx, ctx, {
    entity: 'document',
    entityId: row!.id,
    action: 'issue',
    unitId: input.unitId,
    unitPath: input.unitPath,
    after: { kind: input.kind, numberText, subject: input.subject, entity: input.entity, entityId: input.entityId },
  });
  return { id: row!.id, number, numberText };
}
