import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { partyIntroductions } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { authorize, scopeOf } from '../../auth/actor.js';
import type {
  introduceBody,
  outcomeBody,
  PartyIntroductionDto,
  proposePartyIntroductionBody,
  withdrawBody,
} from '../../contracts/party-introductions.js';
import { fail } from '../../domain/errors.js';
import { formatDateVi, todayInVietnam } from '../../domain/text/dates.js';
import {
  assertNoRefusal,
  assertResolutionDates,
  assertResolutionVote,
  assertStepDate,
  assertTransition,
  checkCriteria,
} from '../../domain/workflows/party-introduction.js';
import { partyIntroductionLetterData } from '../../domain/workflows/party-introduction-documents.js';
import { audit, type RequestContext } from '../audit/audit.service.js';
import { issueDocument } from '../documents/documents.issue.js';
import { recordEvents } from '../members/members.events.js';
import { assertMayDecide, lockMember, staleMember } from '../member-exits/member-exits.service.js';
import { documentMember, unitsOnPath, updateMemberVersioned } from '../member-exits/member-exits.queries.js';
import { loadForAction } from '../org-units/org-units.service.js';
import { ruleOn } from '../rules/rules.queries.js';
import * as q from './party-introductions.queries.js';
import { introducingUnits } from './party-introductions.presenter.js';
import { getIntroduction } from './party-introductions.read.js';
import { latestRatingOf } from './party-introductions.ratings.js';

type Ctx = RequestContext & { actor: Actor };
type Row = q.PartyIntroductionRow;

function staleIntroduction() {
  return fail.conflict('Hồ sơ giới thiệu vừa được người khác thay đổi. Vui lòng tải lại và thực hiện lại.');
}

/** The unit that acts on an introduction in a status: the branch while proposed, then the introducing unit. */
function owningUnit(r: q.IntroductionListRow, status: string): { path: string; name: string } {
  if (status === 'proposed' || !r.introducingPath) return { path: r.unitPath, name: r.unitName };
  return { path: r.introducingPath, name: r.introducingUnitName ?? r.unitName };
}

/** Loads and locks an introduction in the actor's read scope and checks its version. */
async function loadForStep(tx: DbOrTx, actor: Actor, id: string, version: number) {
  const found = await q.introductionInScope(tx, scopeOf(actor, 'member.read'), id, true);
  if (!found) throw fail.notFound('hồ sơ giới thiệu đảng viên');
  return { found, stale: found.intro.version !== version };
}

async function writeStep(tx: DbOrTx, id: string, version: number, changes: Partial<Row>): Promise<Row> {
  const [after] = await tx
    .update(partyIntroductions)
    .set({ ...changes, version: version + 1, updatedAt: new Date() })
    .where(and(eq(partyIntroductions.id, id), eq(partyIntroductions.version, version)))
    .returning();
  if (!after) throw staleIntroduction();
  return after;
}

/**
 * Records the branch resolution proposing a member (status "proposed"). Refuses a member under the Party
 * age, already a Party member, no longer in the union, or with a request in progress; stores the warnings.
 */
export async function proposeIntroduction(
  db: Db,
  ctx: Ctx,
  body: z.output<typeof proposePartyIntroductionBody>,
): Promise<PartyIntroductionDto> {
  const id = await db.transaction(async (tx) => {
    const found = await lockMember(tx, ctx.actor, body.memberId);
    authorize(ctx.actor, 'member.write', found.unitPath, 'đoàn viên');
    const [rule, latestRating, open] = await Promise.all([
      ruleOn(tx, 'partyIntroduction', body.resolutionOn),
      latestRatingOf(tx, body.memberId),
      q.openIntroductionOf(tx, body.memberId),
    ]);
    const { refusals, warnings } = checkCriteria({
      member: found.member,
      resolutionOn: body.resolutionOn,
      minAge: rule.minAge,
      awarenessCertificateNo: body.awarenessCertificateNo ?? null,
      latestRating,
    });
    assertNoRefusal(refusals);
    if (open)
      throw fail.rule(`Đồng chí ${found.member.fullName} đang có một đề nghị giới thiệu chưa có kết quả.`, 'memberId');
    assertResolutionDates(body.resolutionOn, body.awarenessCertificateOn ?? null, todayInVietnam());
    assertResolutionVote(body.presentCount, body.inFavourCount);
    const [row] = await tx
      .insert(partyIntroductions)
      .values({
        memberId: body.memberId,
        unitId: found.member.unitId,
        year: Number(body.resolutionOn.slice(0, 4)),
        resolutionOn: body.resolutionOn,
        strengths: body.strengths,
        weaknesses: body.weaknesses,
        presentCount: body.presentCount,
        inFavourCount: body.inFavourCount,
        awarenessCertificateNo: body.awarenessCertificateNo ?? null,
        awarenessCertificateOn: body.awarenessCertificateOn ?? null,
        criteriaWarnings: warnings,
        createdBy: ctx.actor.userId,
      })
      .returning();
    await audit(tx, ctx, {
      entity: 'party_introduction',
      entityId: row!.id,
      action: 'propose',
      unitId: found.member.unitId,
      unitPath: found.unitPath,
      after: row,
    });
    return row!.id;
  });
  return getIntroduction(db, ctx.actor, id);
}

/**
 * The superior (the đoàn cơ sở or above, in the actor's write scope) introduces the member to a named Party
 * cell: the introduction letter is issued and the status becomes "introduced".
 */
export async function introduce(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof introduceBody>,
): Promise<PartyIntroductionDto> {
  await db.transaction(async (tx) => {
    const { found, stale } = await loadForStep(tx, ctx.actor, id, body.version);
    const issuer = await loadForAction(tx, ctx.actor, body.introducingUnitId, 'member.write');
    const allowed = introducingUnits(await unitsOnPath(tx, found.unitPath));
    if (!allowed.some((u) => u.id === issuer.id))
      throw fail.rule(
        `${issuer.name} không có thẩm quyền giới thiệu: việc giới thiệu do Đoàn cơ sở hoặc cấp trên thực hiện.`,
        'introducingUnitId',
      );
    if (stale) throw staleIntroduction();
    assertTransition(found.intro.status, 'introduced');
    assertStepDate('introducedOn', 'Ngày giới thiệu', body.introducedOn, found.intro.resolutionOn, todayInVietnam());
    const member = await lockMember(tx, ctx.actor, found.intro.memberId);
    const rule = await ruleOn(tx, 'partyIntroduction', found.intro.resolutionOn);
    const { refusals } = checkCriteria({
      member: member.member,
      resolutionOn: found.intro.resolutionOn,
      minAge: rule.minAge,
      awarenessCertificateNo: found.intro.awarenessCertificateNo,
      latestRating: null,
    });
    assertNoRefusal(refusals);
    const doc = await issueDocument(tx, ctx, {
      unitId: issuer.id,
      unitPath: issuer.path,
      kind: 'party_introduction',
      issuedOn: body.introducedOn,
      subject: `Giới thiệu đoàn viên ưu tú ${member.member.fullName} để kết nạp vào Đảng`,
      data: partyIntroductionLetterData({
        member: documentMember(member.member, member.unitName),
        issuerName: issuer.name,
        partyCell: body.partyCell,
        resolutionOn: found.intro.resolutionOn,
        present: found.intro.presentCount,
        inFavour: found.intro.inFavourCount,
        strengths: found.intro.strengths,
        weaknesses: found.intro.weaknesses,
        introducedOn: body.introducedOn,
      }),
      entity: 'party_introduction',
      entityId: id,
      signerTitle: body.signerTitle ?? null,
      signerName: body.signerName ?? null,
    });
    const after = await writeStep(tx, id, body.version, {
      status: 'introduced',
      introducingUnitId: issuer.id,
      introducedOn: body.introducedOn,
      partyCell: body.partyCell,
      letterId: doc.id,
    });
    await recordEvents(
      tx,
      member.member,
      [
        {
          kind: 'party_introduced',
          note: `${issuer.name} giới thiệu đến ${body.partyCell} (giấy giới thiệu số ${doc.numberText}).`,
        },
      ],
      body.introducedOn,
      ctx.actor.userId,
    );
    await audit(tx, ctx, {
      entity: 'party_introduction',
      entityId: id,
      action: 'introduce',
      unitId: found.intro.unitId,
      unitPath: found.unitPath,
      before: found.intro,
      after,
    });
  });
  return getIntroduction(db, ctx.actor, id);
}

/** Records the Party cell's outcome: admitted (the member becomes a Party member) or not admitted. */
export async function recordOutcome(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof outcomeBody>,
): Promise<PartyIntroductionDto> {
  await db.transaction(async (tx) => {
    const { found, stale } = await loadForStep(tx, ctx.actor, id, body.version);
    assertMayDecide(ctx.actor, owningUnit(found, 'introduced'));
    if (stale) throw staleIntroduction();
    assertTransition(found.intro.status, body.outcome);
    assertStepDate('outcomeOn', 'Ngày có kết quả', body.outcomeOn, found.intro.introducedOn!, todayInVietnam());
    const after = await writeStep(tx, id, body.version, {
      status: body.outcome,
      outcomeOn: body.outcomeOn,
      outcomeNote: body.note ?? null,
    });
    if (body.outcome === 'admitted') {
      const member = await lockMember(tx, ctx.actor, found.intro.memberId);
      const before = member.member;
      const changed = await updateMemberVersioned(tx, before.id, before.version, {
        partyMember: true,
        partyJoinedOn: body.outcomeOn,
      });
      if (!changed) throw staleMember();
      await recordEvents(
        tx,
        changed,
        [
          {
            kind: 'party_admitted',
            before: { partyJoinedOn: before.partyJoinedOn },
            after: { partyJoinedOn: body.outcomeOn },
            note: `Được kết nạp vào Đảng ngày ${formatDateVi(body.outcomeOn)}${found.intro.partyCell ? ` tại ${found.intro.partyCell}` : ''}.`,
          },
        ],
        body.outcomeOn,
        ctx.actor.userId,
      );
    }
    await audit(tx, ctx, {
      entity: 'party_introduction',
      entityId: id,
      action: body.outcome,
      unitId: found.intro.unitId,
      unitPath: found.unitPath,
      before: found.intro,
      after,
    });
  });
  return getIntroduction(db, ctx.actor, id);
}

/** Withdraws a proposal (by the branch) or an introduction (by the introducing unit). */
export async function withdraw(
  db: Db,
  ctx: Ctx,
  id: string,
  body: z.output<typeof withdrawBody>,
): Promise<PartyIntroductionDto> {
  await db.transaction(async (tx) => {
    const { found, stale } = await loadForStep(tx, ctx.actor, id, body.version);
    assertMayDecide(ctx.actor, owningUnit(found, found.intro.status));
    if (stale) throw staleIntroduction();
    assertTransition(found.intro.status, 'withdrawn');
    const after = await writeStep(tx, id, body.version, {
      status: 'withdrawn',
      outcomeOn: todayInVietnam(),
      outcomeNote: body.note ?? null,
    });
    await audit(tx, ctx, {
      entity: 'party_introduction',
      entityId: id,
      action: 'withdraw',
      unitId: found.intro.unitId,
      unitPath: found.unitPath,
      before: found.intro,
      after,
    });
  });
  return getIntroduction(db, ctx.actor, id);
}
