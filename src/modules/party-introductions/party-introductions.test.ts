import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { documents, memberEvents, partyIntroductions } from '../../db/schema/index.js';
import { startTestApp, type TestApp } from '../../../tests/helpers/test-app.js';
import type {
  CriteriaResult,
  PartyIntroductionDto,
  PartyIntroductionList,
  PartyStats,
} from '../../contracts/party-introductions.js';
import { addYears } from '../../domain/workflows/coming-of-age.js';
import { todayInVietnam } from '../../domain/text/dates.js';
import { auditCount, counters, insertMember, memberRow, THIS_YEAR } from '../member-exits/member-exits.fixtures.js';
import { docxText } from '../documents/documents.render.js';

let t: TestApp;
let hch: string;
let tdp1: string;
const today = todayInVietnam();

beforeAll(async () => {
  t = await startTestApp();
  hch = await t.unitId('HCH');
  tdp1 = await t.unitId('TDP1');
});
afterAll(async () => {
  await t.close();
});

const resolution = (memberId: string, extra: Record<string, unknown> = {}) => ({
  memberId,
  resolutionOn: today,
  strengths: 'Gương mẫu, nhiệt tình trong các hoạt động tình nguyện',
  weaknesses: 'Kinh nghiệm công tác còn ít',
  presentCount: 12,
  inFavourCount: 11,
  awarenessCertificateNo: '125/GCN-BTG',
  awarenessCertificateOn: `${THIS_YEAR - 1}-06-01`,
  ...extra,
});
const propose = async (memberId: string, extra: Record<string, unknown> = {}) =>
  t.call('POST', '/api/party-introductions', await t.as('bithu'), resolution(memberId, extra));
const newMember = (fullName: string, birthDate = '2000-05-05', extra = {}) =>
  insertMember(t.database.db, tdp1, { fullName, birthDate, ...extra });

describe('the branch resolution', () => {
  it('proposes a member with the warnings of the criteria check', async () => {
    const m = await newMember('Ưu Tú Một');
    const criteria = (
      await t.call('GET', `/api/party-introductions/criteria?memberId=${m.id}`, await t.as('bithu'))
    ).json<CriteriaResult>();
    expect(criteria.minAge).toBe(18);
    expect(criteria.refusals).toEqual([]);
    expect(criteria.warnings.map((w) => w.code)).toEqual(['no_certificate', 'no_rating']);

    const res = await propose(m.id, { awarenessCertificateNo: null });
    expect(res.statusCode).toBe(200);
    const dto = res.json<PartyIntroductionDto>();
    expect(dto).toMatchObject({ status: 'proposed', unitId: tdp1, year: THIS_YEAR, introducers: [] });
    expect(dto.criteriaWarnings.map((w) => w.message)).toContain('Chưa có kết quả xếp loại đoàn viên.');
    expect(dto.actions).toEqual({ introduce: false, outcome: false, withdraw: true });

    const twice = await propose(m.id);
    expect(twice.statusCode).toBe(422);
  });

  it('refuses a member under 18 on the resolution date and a Party member, writing nothing', async () => {
    const db = t.database.db;
    const audits = await auditCount(db);
    const young = await newMember('Còn Nhỏ Tuổi', addYears(today, -17));
    const refused = await propose(young.id);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toMatch(/chưa đủ 18 tuổi/);
    expect(refused.json().error.details[0]).toMatchObject({ field: 'resolutionOn' });
    const party = await newMember('Đã Vào Đảng', '1998-01-01', { partyMember: true, partyJoinedOn: '2020-01-01' });
    expect((await propose(party.id)).statusCode).toBe(422);
    const noMajority = await propose((await newMember('Không Đủ Phiếu')).id, { presentCount: 10, inFavourCount: 5 });
    expect(noMajority.statusCode).toBe(422);
    expect(await auditCount(db)).toBe(audits);
    expect(await db.select().from(partyIntroductions).where(eq(partyIntroductions.memberId, young.id))).toEqual([]);
  });
});

describe('introduction and outcome', () => {
  it('lets the đoàn cơ sở introduce to a Party cell, then records the admission on the member', async () => {
    const m = await newMember('Kết Nạp Hai');
    const proposed = (await propose(m.id)).json<PartyIntroductionDto>();
    const commune = await t.as('xadoan');
    const seen = (await t.call('GET', `/api/party-introductions/${proposed.id}`, commune)).json<PartyIntroductionDto>();
    expect(seen.introducers.map((u) => u.id)).toEqual([hch]);
    expect(seen.actions.introduce).toBe(true);

    const byBranch = await t.call('POST', `/api/party-introductions/${proposed.id}/introduce`, await t.as('bithu'), {
      version: proposed.version,
      introducingUnitId: tdp1,
      introducedOn: today,
      partyCell: 'Chi bộ Tổ dân phố 1',
    });
    expect(byBranch.statusCode).toBe(422);
    const docsBefore = await counters(t.database.db, hch);
    const introduced = await t.call('POST', `/api/party-introductions/${proposed.id}/introduce`, commune, {
      version: proposed.version,
      introducingUnitId: hch,
      introducedOn: today,
      partyCell: 'Chi bộ Tổ dân phố 1',
      signerName: 'Lê Văn Hùng',
    });
    expect(introduced.statusCode).toBe(200);
    const dto = introduced.json<PartyIntroductionDto>();
    expect(dto).toMatchObject({ status: 'introduced', introducingUnitId: hch, partyCell: 'Chi bộ Tổ dân phố 1' });
    expect(dto.letter?.numberText).toMatch(/^\d+-GT\/ĐTN$/);
    expect((await counters(t.database.db, hch))[THIS_YEAR]).toBe((docsBefore[THIS_YEAR] ?? 0) + 1);
    const [letter] = await t.database.db.select().from(documents).where(eq(documents.id, dto.letter!.id));
    expect(JSON.stringify(letter!.data)).toContain('Chi bộ Tổ dân phố 1');
    const file = await t.call('GET', `/api/documents/${letter!.id}/file`, commune);
    const text = docxText(file.rawPayload);
    expect(text).toContain('V/v giới thiệu đoàn viên ưu tú Kết Nạp Hai để kết nạp vào Đảng');
    expect(text).toContain('Ưu điểm: Gương mẫu, nhiệt tình trong các hoạt động tình nguyện.');

    const stale = await t.call('POST', `/api/party-introductions/${proposed.id}/outcome`, commune, {
      version: proposed.version,
      outcome: 'admitted',
      outcomeOn: today,
    });
    expect(stale.statusCode).toBe(409);
    const admitted = await t.call('POST', `/api/party-introductions/${proposed.id}/outcome`, commune, {
      version: dto.version,
      outcome: 'admitted',
      outcomeOn: today,
    });
    expect(admitted.statusCode).toBe(200);
    expect(admitted.json<PartyIntroductionDto>().status).toBe('admitted');
    expect(await memberRow(t.database.db, m.id)).toMatchObject({ partyMember: true, partyJoinedOn: today });
    const kinds = (await t.database.db.select().from(memberEvents).where(eq(memberEvents.memberId, m.id))).map(
      (e) => e.kind,
    );
    expect(kinds.sort()).toEqual(['party_admitted', 'party_introduced']);
  });

  it('records "not admitted" with a note, and withdraws a proposal', async () => {
    const commune = await t.as('xadoan');
    const a = (await propose((await newMember('Chưa Kết Nạp Ba')).id)).json<PartyIntroductionDto>();
    const intro = (
      await t.call('POST', `/api/party-introductions/${a.id}/introduce`, commune, {
        version: a.version,
        introducingUnitId: hch,
        introducedOn: today,
        partyCell: 'Chi bộ Tổ dân phố 1',
      })
    ).json<PartyIntroductionDto>();
    const noNote = await t.call('POST', `/api/party-introductions/${a.id}/outcome`, commune, {
      version: intro.version,
      outcome: 'not_admitted',
      outcomeOn: today,
    });
    expect(noNote.statusCode).toBe(400);
    const notAdmitted = await t.call('POST', `/api/party-introductions/${a.id}/outcome`, commune, {
      version: intro.version,
      outcome: 'not_admitted',
      outcomeOn: today,
      note: 'Chi bộ đề nghị tiếp tục bồi dưỡng',
    });
    expect(notAdmitted.json<PartyIntroductionDto>()).toMatchObject({ status: 'not_admitted' });

    const b = (await propose((await newMember('Rút Đề Nghị Bốn')).id)).json<PartyIntroductionDto>();
    const withdrawn = await t.call('POST', `/api/party-introductions/${b.id}/withdraw`, await t.as('bithu'), {
      version: b.version,
      note: 'Đoàn viên chuyển công tác',
    });
    expect(withdrawn.json<PartyIntroductionDto>().status).toBe('withdrawn');
    const afterWithdraw = await t.call('POST', `/api/party-introductions/${b.id}/introduce`, commune, {
      version: b.version + 1,
      introducingUnitId: hch,
      introducedOn: today,
      partyCell: 'Chi bộ Tổ dân phố 1',
    });
    expect(afterWithdraw.statusCode).toBe(422);
  });

  it('reports the introduced members and the share admitted per sub-unit', async () => {
    const stats = (
      await t.call('GET', `/api/party-introductions/stats?unitId=${hch}&year=${THIS_YEAR}`, await t.as('xadoan'))
    ).json<PartyStats>();
    const row = stats.rows.find((r) => r.unitId === tdp1)!;
    expect(row).toMatchObject({ introduced: 2, admitted: 1, notAdmitted: 1, pending: 0, shareAdmitted: 0.5 });
    expect(stats.rows.find((r) => r.unitName === 'Chi đoàn Tổ dân phố 2')).toMatchObject({ introduced: 0 });
    expect(stats.total).toMatchObject({ unitId: hch, introduced: 2, admitted: 1 });
    const list = (
      await t.call('GET', `/api/party-introductions?unitId=${hch}&year=${THIS_YEAR}`, await t.as('xadoan'))
    ).json<PartyIntroductionList>();
    expect(list.items.length).toBeGreaterThanOrEqual(4);
  });
});
