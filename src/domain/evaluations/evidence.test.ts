import { describe, expect, it } from 'vitest';
import { EVIDENCE_KEYS, type EvidenceKey } from './criteria.js';
import {
  cadenceWindow,
  cadenceWord,
  EVIDENCE_LABELS,
  evidenceFigures,
  evidencePeriod,
  formatCount,
  formatShare,
  NO_DATA_TEXT,
  NOT_FOR_MEMBER_TEXT,
  NOT_STARTED_TEXT,
  NOTHING_JUDGED_TEXT,
  ONLY_GRASSROOTS_TEXT,
  type EvidenceFigureData,
  type MemberEvidenceRaw,
  type UnitEvidenceRaw,
} from './evidence.js';

const byKey = (figures: EvidenceFigureData[]) =>
  Object.fromEntries(figures.map((f) => [f.key, f])) as Record<EvidenceKey, EvidenceFigureData>;

const unit = (over: Partial<UnitEvidenceRaw> = {}): UnitEvidenceRaw => ({
  subject: 'branch',
  branches: 1,
  everyMonths: 1,
  branchesJudged: 1,
  branchesMeetingCharter: 0,
  branchesReviewedAll: 0,
  heldPeriods: 11,
  reviewedPeriods: 10,
  requiredPeriods: 12,
  present: 80,
  expected: 100,
  members: 20,
  completeRecords: 18,
  feeKnown: 20,
  feePaid: 20,
  branchesWithoutLedger: 0,
  admitted: 3,
  credited: 2,
  recruiters: 2,
  introduced: 1,
  introducedAdmitted: 0,
  careListed: 4,
  careHelpGiven: 2,
  ...over,
});

const member = (over: Partial<MemberEvidenceRaw> = {}): MemberEvidenceRaw => ({
  subject: 'member',
  record: {
    birthDate: '2000-01-01',
    cccd: '012345678901',
    phone: '0900000000',
    joinedOn: '2015-03-26',
    cardNumber: 'A001',
    permanentAddress: 'Hải Châu',
  },
  paidUpTo: '2024-12',
  joinedMonth: '2015-03',
  ledgerStart: '2023-01',
  marked: 12,
  present: 10,
  credited: 1,
  ...over,
});

const PAST_YEAR = evidencePeriod(2024, 0, '2025-03-10');

describe('evidence period', () => {
  it('covers the year or a half, all of it once it is over', () => {
    expect(evidencePeriod(2024, 0, '2025-03-10')).toMatchObject({
      from: '2024-01',
      to: '2024-12',
      factsUntil: '2024-12',
      closedUntil: '2024-12',
    });
    expect(evidencePeriod(2024, 1, '2025-03-10')).toMatchObject({ from: '2024-01', to: '2024-06' });
    expect(evidencePeriod(2024, 2, '2025-03-10')).toMatchObject({ from: '2024-07', to: '2024-12' });
  });

  it('counts facts up to this month and judges only the months over while the period runs', () => {
    expect(evidencePeriod(2025, 0, '2025-11-15')).toMatchObject({ factsUntil: '2025-11', closedUntil: '2025-10' });
    expect(evidencePeriod(2025, 2, '2025-07-03')).toMatchObject({ factsUntil: '2025-07', closedUntil: '2025-06' });
  });

  it('judges meeting periods of a cadence like the branch indicators', () => {
    const running = evidencePeriod(2025, 0, '2025-08-20');
    expect(cadenceWindow(running, 1)).toEqual({ everyMonths: 1, first: '2025-01', last: '2025-07', required: 7 });
    expect(cadenceWindow(running, 3)).toEqual({ everyMonths: 3, first: '2025-01', last: '2025-06', required: 2 });
    expect(cadenceWindow(evidencePeriod(2024, 2, '2025-01-01'), 3)).toMatchObject({ first: '2024-07', required: 2 });
    expect(cadenceWindow(evidencePeriod(2025, 0, '2025-01-05'), 1).required).toBe(0);
  });
});

describe('formatting', () => {
  it('writes counts, shares and cadences the Vietnamese way', () => {
    expect(formatCount(1234567)).toBe('1.234.567');
    expect(formatCount(12)).toBe('12');
    expect(formatShare(0.8333)).toBe('83,3%');
    expect(formatShare(1)).toBe('100%');
    expect(cadenceWord(1)).toBe('tháng');
    expect(cadenceWord(3)).toBe('quý');
    expect(cadenceWord(2)).toBe('kỳ 2 tháng');
  });
});

describe('evidence of a branch', () => {
  it('gives every key once, labelled, in order', () => {
    const figures = evidenceFigures(unit(), PAST_YEAR);
    expect(figures.map((f) => f.key)).toEqual([...EVIDENCE_KEYS]);
    for (const f of figures) expect(f.label).toBe(EVIDENCE_LABELS[f.key]);
  });

  it('answers yes/no for the branch requirements and shares for attendance and records', () => {
    const f = byKey(evidenceFigures(unit(), PAST_YEAR));
    expect(f.meetsMonthly).toMatchObject({ value: false, text: '11/12 tháng có sinh hoạt chi đoàn' });
    expect(f.monthlyReviewDone).toMatchObject({ value: false, text: 'Rà soát đoàn viên 10/12 tháng' });
    expect(f.attendanceShare).toMatchObject({ value: 0.8 });
    expect(f.attendanceShare?.text).toBe('80/100 lượt đoàn viên có mặt tại các buổi sinh hoạt (80%)');
    expect(f.usesMemberSoftware).toMatchObject({ value: 0.9 });
    expect(f.feePaid).toMatchObject({
      value: true,
      text: '20/20 đoàn viên đã đóng đoàn phí đến tháng 12/2024',
    });
    expect(f.recruiterCredits).toMatchObject({
      value: 2,
      text: 'Kết nạp 3 đoàn viên mới; 2 người do 2 đoàn viên vận động (chủ trương 1 + 1)',
    });
    expect(f.partyIntroductions).toMatchObject({ value: 1 });
    expect(f.careListKept).toMatchObject({
      value: 4,
      text: 'Danh sách chăm lo có 4 người; 2 lượt hỗ trợ đã trao trong kỳ',
    });
    expect(f.trainingDone).toMatchObject({ value: null, text: NO_DATA_TEXT });
  });

  it('meets the charter when every judged period is held, quarterly for a remote branch', () => {
    const f = byKey(
      evidenceFigures(
        unit({
          everyMonths: 3,
          heldPeriods: 2,
          requiredPeriods: 2,
          branchesMeetingCharter: 1,
          reviewedPeriods: 2,
          branchesReviewedAll: 1,
        }),
        evidencePeriod(2025, 0, '2025-08-20'),
      ),
    );
    expect(f.meetsMonthly).toMatchObject({
      value: true,
      text: '2/2 quý có sinh hoạt chi đoàn (tính đến tháng 06/2025)',
    });
    expect(f.monthlyReviewDone).toMatchObject({
      value: true,
      text: 'Rà soát đoàn viên 2/2 quý (tính đến tháng 06/2025)',
    });
    expect(f.attendanceShare?.text).toContain('(tính đến ngày 20/08/2025)');
  });

  it('says when there is nothing to count', () => {
    const f = byKey(
      evidenceFigures(
        unit({ branches: 0, branchesJudged: 0, expected: 0, present: 0, members: 0, feeKnown: 0, careListed: 0 }),
        PAST_YEAR,
      ),
    );
    for (const key of [
      'meetsMonthly',
      'monthlyReviewDone',
      'attendanceShare',
      'usesMemberSoftware',
      'feePaid',
    ] as const)
      expect(f[key]).toMatchObject({ value: null, text: NO_DATA_TEXT });
    expect(f.careListKept).toMatchObject({ value: 0, text: 'Chưa có ai trong danh sách chăm lo' });
  });

  it('judges nothing while no month of the period is over, and nothing before it begins', () => {
    const f = byKey(evidenceFigures(unit({ branchesJudged: 0 }), evidencePeriod(2025, 0, '2025-01-20')));
    expect(f.meetsMonthly).toMatchObject({ value: null, text: NOTHING_JUDGED_TEXT });
    expect(f.feePaid).toMatchObject({ value: null, text: NOTHING_JUDGED_TEXT });
    const before = evidenceFigures(unit(), evidencePeriod(2025, 2, '2025-03-01'));
    expect(before.every((x) => x.value === null && x.text === NOT_STARTED_TEXT)).toBe(true);
  });
});

describe('evidence of a đoàn cơ sở', () => {
  it('gives shares of branches and members', () => {
    const raw = unit({
      subject: 'grassroots',
      branches: 20,
      branchesJudged: 20,
      branchesMeetingCharter: 15,
      branchesReviewedAll: 4,
      members: 1200,
      completeRecords: 1180,
      feeKnown: 1000,
      feePaid: 950,
      branchesWithoutLedger: 3,
    });
    const f = byKey(evidenceFigures(raw, PAST_YEAR));
    expect(f.meetsMonthly).toMatchObject({
      value: 0.75,
      text: '15/20 chi đoàn sinh hoạt đủ các kỳ theo Điều lệ Đoàn (75%)',
    });
    expect(f.monthlyReviewDone).toMatchObject({ value: 0.2 });
    expect(f.usesMemberSoftware?.text).toBe('1.180/1.200 đoàn viên có hồ sơ đầy đủ thông tin trên phần mềm (98,3%)');
    expect(f.feePaid).toMatchObject({
      value: 0.95,
      text: '950/1.000 đoàn viên đã đóng đoàn phí đến tháng 12/2024 (95%); 3/20 chi đoàn chưa ghi đoàn phí trên hệ thống',
    });
  });
});

describe('evidence of a đoàn cơ sở: its “3 chủ động” result of the same year', () => {
  const grassroots = (threeProactive: UnitEvidenceRaw['threeProactive']) =>
    byKey(evidenceFigures(unit({ subject: 'grassroots', threeProactive }), PAST_YEAR)).threeProactive;

  it('says recognised or not once decided, with the decision date', () => {
    expect(
      grassroots({ step: 'decision', status: 'accepted', recognised: true, decidedOn: '2024-12-20' }),
    ).toMatchObject({
      value: true,
      label: 'Kết quả xây dựng Đoàn cơ sở “3 chủ động”',
      text: 'Được công nhận Đoàn cơ sở “3 chủ động” năm 2024 (quyết định ngày 20/12/2024)',
    });
    expect(grassroots({ step: 'decision', status: 'accepted', recognised: false, decidedOn: null })).toMatchObject({
      value: false,
      text: 'Chưa đạt Đoàn cơ sở “3 chủ động” năm 2024',
    });
  });

  it('says the evaluation is under way, or that there is no data when the unit was not enrolled', () => {
    expect(grassroots({ step: 'evaluation', status: 'ready', recognised: null, decidedOn: null })).toMatchObject({
      value: null,
      text: 'Chưa có kết quả công nhận Đoàn cơ sở “3 chủ động” năm 2024 (đang ở bước Cấp trên đánh giá)',
    });
    expect(grassroots(null)).toMatchObject({ value: null, text: NO_DATA_TEXT });
    expect(grassroots(undefined)).toMatchObject({ value: null, text: NO_DATA_TEXT });
  });

  it('does not apply to a branch or a member', () => {
    expect(byKey(evidenceFigures(unit(), PAST_YEAR)).threeProactive).toMatchObject({
      value: null,
      text: ONLY_GRASSROOTS_TEXT,
    });
    expect(byKey(evidenceFigures(member(), PAST_YEAR)).threeProactive).toMatchObject({
      value: null,
      text: NOT_FOR_MEMBER_TEXT,
    });
  });
});

describe('evidence of a member', () => {
  it('reads attendance, fee, record and 1 + 1 of the member; unit-only keys do not apply', () => {
    const f = byKey(evidenceFigures(member(), PAST_YEAR));
    expect(f.attendanceShare).toMatchObject({ value: 10 / 12 });
    expect(f.attendanceShare?.text).toBe('10/12 buổi sinh hoạt có mặt (trên số buổi được điểm danh) (83,3%)');
    expect(f.feePaid).toMatchObject({ value: true, text: 'Đã đóng đoàn phí đến tháng 12/2024' });
    expect(f.usesMemberSoftware).toMatchObject({ value: true });
    expect(f.recruiterCredits).toMatchObject({ value: 1 });
    expect(f.trainingDone).toMatchObject({ value: null, text: NO_DATA_TEXT });
    for (const key of ['meetsMonthly', 'monthlyReviewDone', 'careListKept', 'partyIntroductions'] as const)
      expect(f[key]).toMatchObject({ value: null, text: NOT_FOR_MEMBER_TEXT });
  });

  it('names the months owed and the missing record fields', () => {
    const f = byKey(
      evidenceFigures(
        member({ paidUpTo: '2024-09', record: { ...member().record, cccd: null, phone: ' ' } }),
        PAST_YEAR,
      ),
    );
    expect(f.feePaid).toMatchObject({
      value: false,
      text: 'Còn nợ đoàn phí 3 tháng, từ tháng 10/2024 đến tháng 12/2024',
    });
    expect(f.usesMemberSoftware).toMatchObject({
      value: false,
      text: 'Hồ sơ đoàn viên còn thiếu: số CCCD, số điện thoại',
    });
  });

  it('owes from the later of joining and the ledger start when never paid; no data without any fee record', () => {
    const never = byKey(evidenceFigures(member({ paidUpTo: null, joinedMonth: '2024-05' }), PAST_YEAR));
    expect(never.feePaid).toMatchObject({ value: false, text: expect.stringContaining('8 tháng, từ tháng 05/2024') });
    const unknown = byKey(evidenceFigures(member({ paidUpTo: null, ledgerStart: null }), PAST_YEAR));
    expect(unknown.feePaid).toMatchObject({ value: null, text: NO_DATA_TEXT });
    const noMarks = byKey(evidenceFigures(member({ marked: 0, present: 0 }), PAST_YEAR));
    expect(noMarks.attendanceShare).toMatchObject({ value: null, text: NO_DATA_TEXT });
  });
});
