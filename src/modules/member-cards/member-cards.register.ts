import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  CardRegisterPage,
  CardScheme,
  cardRegisterQuery,
  putCardSchemeBody,
} from '../../contracts/member-cards.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { refuse } from '../../domain/workflows/admission.js';
import {
  defaultCardPrefix,
  formatCardNumber,
  schemeIssues,
  type CardReason,
  type CardStatus,
} from '../../domain/workflows/member-card.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { DEFAULT_WIDTH, findScheme, highestUsed, saveScheme } from './member-cards.numbering.js';
import * as q from './member-cards.queries.js';

type Ctx = RequestContext & { actor: Actor };

/** A unit's card numbering scheme, or the default it would start with (prefix = unit code). */
export async function getCardScheme(db: DbOrTx, actor: Actor, unitId: string): Promise<CardScheme> {
  const unit = await loadForAction(db, actor, unitId, 'member.read');
  const stored = await findScheme(db, unit.id);
  const scheme = stored ?? {
    prefix: defaultCardPrefix(unit.code),
    width: DEFAULT_WIDTH,
    nextNumber: 1,
    updatedAt: null,
  };
  return {
    unitId: unit.id,
    unitName: unit.name,
    prefix: scheme.prefix,
    width: scheme.width,
    nextNumber: scheme.nextNumber,
    nextCardNumber: formatCardNumber(scheme.prefix, scheme.width, scheme.nextNumber),
    highestUsed: await highestUsed(db, scheme.prefix, scheme.width),
    stored: Boolean(stored),
    version: scheme.updatedAt ? scheme.updatedAt.toISOString() : null,
    canEdit: inScope(scopeOf(actor, 'member.write'), unit.path),
  };
}

/** Changes a unit's numbering scheme; a next number that would give a used card number is refused. */
export async function putCardScheme(
  db: Db,
  ctx: Ctx,
  unitId: string,
  body: z.output<typeof putCardSchemeBody>,
): Promise<CardScheme> {
  await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, unitId, 'member.write', true);
    const input = { prefix: body.prefix, width: body.width, nextNumber: body.nextNumber };
    refuse(schemeIssues(input, await highestUsed(tx, input.prefix, input.width)));
    const before = await findScheme(tx, unit.id);
    if (!(await saveScheme(tx, unit.id, input, body.version)))
      throw fail.conflict(
        'Cách đánh số thẻ vừa được thay đổi (hoặc vừa cấp thẻ mới). Vui lòng tải lại và thực hiện lại.',
      );
    await audit(tx, ctx, {
      entity: 'card_scheme',
      entityId: unit.id,
      action: before ? 'update' : 'create',
      unitId: unit.id,
      unitPath: unit.path,
      before,
      after: input,
    });
  });
  return getCardScheme(db, ctx.actor, unitId);
}

function encodeCursor(c: [string, number]): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(value: string): [string, number] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString());
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(parsed[0]) &&
      Number.isInteger(parsed[1])
    )
      return [parsed[0], parsed[1] as number];
  } catch {
    // fall through to the error below
  }
  throw fail.invalid('cursor', 'Con trỏ trang không hợp lệ.');
}

/** The register of cards issued, reissued and revoked for a unit's subtree (sổ cấp thẻ), newest first. */
export async function getCardRegister(
  db: DbOrTx,
  actor: Actor,
  unitId: string,
  query: z.output<typeof cardRegisterQuery>,
): Promise<CardRegisterPage> {
  const unit = await loadForAction(db, actor, unitId, 'member.read');
  const filter = {
    unitPath: unit.path,
    scope: scopeOf(actor, 'member.read'),
    year: query.year,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  };
  const [found, totals] = await Promise.all([q.registerPage(db, filter), q.registerTotals(db, filter)]);
  const page = found.slice(0, query.limit);
  const last = page[page.length - 1]?.card;
  return {
    items: page.map((r) => ({
      id: String(r.card.id),
      cardNumber: r.card.cardNumber,
      issuedOn: r.card.issuedOn,
      reason: r.card.reason as CardReason,
      status: r.card.status as CardStatus,
      endedOn: r.card.endedOn,
      endReason: r.card.endReason,
      unitId: r.card.unitId,
      unitName: r.unitName,
      memberId: r.card.memberId,
      memberName: r.memberName,
      birthDate: r.birthDate,
      branchName: r.branchName,
    })),
    next: found.length > query.limit && last ? encodeCursor([last.issuedOn, last.id]) : null,
    total: totals.total,
    years: totals.years,
  };
}
