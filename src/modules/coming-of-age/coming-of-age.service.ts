import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { comingOfAgeRecords } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { scopeOf } from '../../auth/actor.js';
import type {
  ComingOfAgeList,
  comingOfAgeQuery,
  ComingOfAgeRecordDto,
  processComingOfAgeBody,
  ProcessComingOfAgeResult,
} from '../../contracts/coming-of-age.js';
import { inScope } from '../../domain/auth/permissions.js';
import { fail } from '../../domain/errors.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import {
  assertBatch,
  assertCeremonyDate,
  ceremonyDatesOf,
  comingOfAgeProblem,
  exceptsForYear,
} from '../../domain/workflows/coming-of-age.js';
import { comingOfAgeCertificateData } from '../../domain/workflows/coming-of-age-documents.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { endActiveCard } from '../member-cards/member-cards.service.js';
import { recordEvents } from '../members/members.events.js';
import { staleMember } from '../member-exits/member-exits.service.js';
import { documentMember, grassrootsAt, updateMemberVersioned } from '../member-exits/member-exits.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import * as q from './coming-of-age.queries.js';
import { toExceptionDto, toItem } from './coming-of-age.presenter.js';

type Ctx = RequestContext & { actor: Actor };

/** Longest list returned at once; a larger unit is narrowed by choosing a sub-unit. */
const LIST_LIMIT = 2000;

/** The yearly list of a unit's subtree: members due (overdue included), members kept by an exception, members processed. */
export async function getComingOfAgeList(
  db: Db,
  actor: Actor,
  query: z.output<typeof comingOfAgeQuery>,
): Promise<ComingOfAgeList> {
  const unit = await loadForAction(db, actor, query.unitId, 'member.read');
  const ruleDate = `${query.year}-12-31`;
  const today = todayInVietnam();
  const [ageRule, ceremonyRule, { grassroots }] = await Promise.all([
    ruleOn(db, 'membershipAge', ruleDate),
    ruleOn(db, 'comingOfAge', ruleDate),
    grassrootsAt(db, unit.path),
  ]);
  const age = ageRule.comingOfAgeAge;
  const scope = scopeOf(actor, 'member.read');
  const [rows, records] = await Promise.all([
    q.membersOfAge(db, scope, unit.path, `${query.year - age}-12-31`, LIST_LIMIT),
    q.recordsInUnit(db, scope, unit.path, query.year),
  ]);
  const page = rows.slice(0, LIST_LIMIT);
  const exceptions = await q.exceptionsInUnit(
    db,
    scope,
    unit.path,
    false,
    page.map((r) => r.member.id),
  );
  const latest = new Map<string, (typeof exceptions)[number]>();
  for (const e of exceptions) if (!latest.has(e.exception.memberId)) latest.set(e.exception.memberId, e);
  const ctx = { year: query.year, age };
  const due: ComingOfAgeList['due'] = [];
  const excepted: ComingOfAgeList['excepted'] = [];
  for (const { member, unitName } of page) {
    const found = latest.get(member.id);
    const exception = found ? toExceptionDto(found.exception, found, today) : null;
    const item = toItem(member, unitName, ctx, exception);
    if (found && exceptsForYear(found.exception, query.year)) excepted.push(item);
    else due.push(item);
  }
  return {
    unit: { id: unit.id, name: unit.name },
    year: query.year,
    age,
    extensionMaxAge: ageRule.extensionMaxAge,
    ceremonyDates: ceremonyDatesOf(query.year, ceremonyRule.ceremonyDates),
    grassroots: grassroots ? { id: grassroots.id, name: grassroots.name } : null,
    canProcess: grassroots !== null && inScope(scopeOf(actor, 'member.write'), grassroots.path),
    due,
    excepted,
    processed: records.map((r) => ({
      recordId: r.record.id,
      memberId: r.record.memberId,
      fullName: r.fullName,
      birthDate: r.birthDate,
      unitName: r.unitName,
      ceremonyOn: r.record.ceremonyOn,
      certificate:
        r.record.certificateId && r.certificateNumber
          ? { id: r.record.certificateId, numberText: r.certificateNumber }
          : null,
    })),
    truncated: rows.length > LIST_LIMIT || records.length >= 2000,
  };
}

/**
 * Processes the coming of age of members of one đoàn cơ sở on a configured ceremony date, all or nothing:
 * each becomes "matured", gets a record, a certificate, a history event, the end of the active card and an
 * audit row. Any member with a problem (too young, kept by an exception, already left) refuses the batch.
 */
export async function processComingOfAge(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof processComingOfAgeBody>,
): Promise<ProcessComingOfAgeResult> {
  const processed = await db.transaction(async (tx) => {
    const unit = await loadForAction(tx, ctx.actor, body.unitId, 'member.write', true);
    const { grassroots } = await grassrootsAt(tx, unit.path);
    if (!grassroots || grassroots.id !== unit.id)
      throw fail.invalid('unitId', 'Trưởng thành đoàn do Đoàn cơ sở xét: hãy chọn một đoàn cơ sở.');
    const today = todayInVietnam();
    const [ageRule, ceremonyRule] = await Promise.all([
      ruleOn(tx, 'membershipAge', body.ceremonyOn),
      ruleOn(tx, 'comingOfAge', body.ceremonyOn),
    ]);
    assertCeremonyDate(body.ceremonyOn, body.year, ceremonyRule.ceremonyDates, today);
    const ids = body.members.map((m) => m.id);
    if (new Set(ids).size !== ids.length) throw fail.invalid('members', 'Danh sách có đoàn viên bị lặp lại.');
    const rows = await q.lockMembersUnder(tx, scopeOf(ctx.actor, 'member.write'), unit.path, ids);
    if (rows.length !== ids.length)
      throw fail.invalid('members', `${ids.length - rows.length} đoàn viên không thuộc ${unit.name}.`);
    const byId = new Map(rows.map((r) => [r.member.id, r]));
    for (const m of body.members) if (byId.get(m.id)!.member.version !== m.version) throw staleMember();
    const exceptions = await q.openExceptionsOf(tx, ids);
    const problems = body.members.flatMap((m, index) => {
      const { member } = byId.get(m.id)!;
      const own = exceptions.filter((e) => e.memberId === m.id);
      const message = comingOfAgeProblem(
        member,
        { year: body.year, age: ageRule.comingOfAgeAge, ceremonyOn: body.ceremonyOn },
        own,
      );
      return message ? [{ index, message }] : [];
    });
    assertBatch(problems);

    const out: ComingOfAgeRecordDto[] = [];
    for (const m of body.members) {
      const { member: before, unitName, unitPath } = byId.get(m.id)!;
      const after = await updateMemberVersioned(tx, m.id, m.version, { status: 'matured' });
      if (!after) throw staleMember();
      const [record] = await tx
        .insert(comingOfAgeRecords)
        .values({
          memberId: m.id,
          unitId: unit.id,
          year: body.year,
          ceremonyOn: body.ceremonyOn,
          createdBy: ctx.actor.userId,
        })
        .returning();
      const doc = await issueDocument(tx, ctx, {
        unitId: unit.id,
        unitPath: unit.path,
        kind: 'coming_of_age_certificate',
        issuedOn: body.ceremonyOn,
        subject: `Chứng nhận trưởng thành đoàn: ${before.fullName}`,
        data: comingOfAgeCertificateData({
          member: documentMember(before, unitName),
          ceremonyOn: body.ceremonyOn,
          year: body.year,
        }),
        entity: 'coming_of_age_record',
        entityId: record!.id,
        signerTitle: body.signerTitle ?? null,
        signerName: body.signerName ?? null,
      });
      await tx.update(comingOfAgeRecords).set({ certificateId: doc.id }).where(eq(comingOfAgeRecords.id, record!.id));
      await recordEvents(
        tx,
        after,
        [
          {
            kind: 'status_change',
            before: { status: before.status },
            after: { status: after.status },
            note: `Trưởng thành đoàn ngày ${formatDateVi(body.ceremonyOn)}, giấy chứng nhận số ${doc.numberText}.`,
          },
        ],
        body.ceremonyOn,
        ctx.actor.userId,
      );
      await endActiveCard(tx, m.id, body.ceremonyOn, 'Trưởng thành đoàn', ctx.actor.userId);
      await audit(tx, ctx, {
        entity: 'member',
        entityId: m.id,
        action: 'come_of_age',
        unitId: before.unitId,
        unitPath,
        before: { status: before.status, version: before.version },
        after: { status: after.status, recordId: record!.id, ceremonyOn: body.ceremonyOn, certificateId: doc.id },
      });
      out.push({
        recordId: record!.id,
        memberId: m.id,
        fullName: before.fullName,
        birthDate: before.birthDate,
        unitName,
        ceremonyOn: body.ceremonyOn,
        certificate: { id: doc.id, numberText: doc.numberText },
      });
    }
    return out;
  });
  return { processed };
}
