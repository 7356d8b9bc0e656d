import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { rows } from '../db/rows.js';
import type { CriteriaSet } from '../domain/evaluations/criteria.js';
import { seedCycle } from './demo-evaluation-cycle.js';
import { addDays, type CycleSpec, type Stage } from './demo-evaluation-plan.js';
import { seededRandom } from './names.js';

/** Class keys of a set drawn per branch for the year before last, last year and this year, each from the year before. */
function branchHistory(seed: number) {
  const random = seededRandom(seed);
  const memo = new Map<string, number[]>();
  const weights = [0.25, 0.45, 0.22, 0.08];
  // One branch moved up, one down, one unchanged, whatever the draws.
  const forced: Record<string, [number, number]> = { L1: [1, 0], NM2: [0, 1], QS1: [1, 1] };
  return (set: CriteriaSet, code: string, year: 0 | 1 | 2): string => {
    const n = set.classes.length;
    const draw = () => {
      let r = random();
      for (let i = 0; i < n; i++) if ((r -= weights[i] ?? 1 / n) < 0) return i;
      return n - 1;
    };
    const move = (i: number) => {
      const r = random();
      return r < 0.25 ? Math.max(0, i - 1) : r < 0.75 ? i : Math.min(n - 1, i + 1);
    };
    let classes = memo.get(code);
    if (!classes) {
      const first = forced[code]?.[0] ?? draw();
      const second = forced[code]?.[1] ?? move(first);
      classes = [first, second, move(second)];
      memo.set(code, classes);
    }
    return set.classes[Math.min(n - 1, classes[year]!)]!.key;
  };
}

/** A better class than `target`, claimed by about one subject in five and corrected by the level above. */
function claimed(set: CriteriaSet, target: string, random: () => number): string {
  const rank = set.classes.findIndex((c) => c.key === target);
  return rank > 0 && random() < 0.2 ? set.classes[rank - 1]!.key : target;
}

/** Where each branch of the current year's rating stands, by its đoàn cơ sở and code order. */
const CURRENT_STAGES: Record<string, Stage[]> = {
  HCH: ['submitted', 'returned', 'evaluating', 'evaluating', 'draft', 'submitted', 'fresh'],
  HAN: ['evaluating', 'evaluated', 'submitted', 'fresh', 'submitted'],
  NTH: ['fresh', 'submitted', 'submitted', 'draft', 'evaluating', 'fresh'],
  PCT: [
    'evaluated',
    'reinspected',
    'evaluated',
    'evaluated',
    'reinspected',
    'evaluated',
    'evaluated',
    'evaluating',
    'evaluated',
  ],
  DHBK: ['evaluated', 'evaluating', 'evaluating', 'evaluated', 'submitted', 'evaluating', 'evaluated'],
  HTH: ['submitted', 'evaluating', 'submitted', 'draft'],
  BCHQS: ['reinspected', 'evaluated', 'late'],
};

/**
 * Demo evaluations, relative to `today` (year Y), on units, programmes and years the browser journeys and tests leave
 * alone: Thành đoàn Đà Nẵng's branch rating of Y-2 and Y-1 (finished, with a decision each, classes moving up, down
 * and unchanged) and of Y (in progress: drafts, submissions, one returned with its reason, evaluations,
 * re-inspections, one late after a reopen), and Tỉnh đoàn Lâm Đồng's "3 chủ động" of Y-2 (three đoàn cơ sở
 * recognised, one not; the tests compare Lâm Đồng's Y with an empty Y-1). No member rating, no "3 chủ động" under Đà
 * Nẵng: the journeys open those. `unitIds` maps demo unit codes to ids.
 */
export async function seedDemoEvaluations(
  tx: DbOrTx,
  unitIds: ReadonlyMap<string, string>,
  today: string,
): Promise<void> {
  if (!unitIds.has('DNG') || !unitIds.has('LDG')) return;
  const year = Number(today.slice(0, 4));
  const users = await rows<{ id: string; username: string }>(
    tx,
    sql`select id, username from "user" where username in ('tinhdoan', 'xadoan', 'bithu')`,
  );
  const userOf = new Map(users.map((u) => [u.username, u.id]));
  const actors = new Map<string, string>();
  for (const [code, username] of [
    ['DNG', 'tinhdoan'],
    ['HCH', 'xadoan'],
    ['TDP1', 'bithu'],
  ] as const) {
    const id = userOf.get(username);
    if (id) actors.set(code, id);
  }
  const history = branchHistory(20231);
  const finishedBranches = (y: number, k: 0 | 1): CycleSpec => ({
    programme: 'branchRating',
    ownerCode: 'DNG',
    year: y,
    reinspection: 'sample',
    deadlines: {
      selfAssessment: `${y}-11-25`,
      evaluation: `${y}-12-08`,
      reinspection: `${y}-12-18`,
      decision: `${y + 1}-01-15`,
    },
    openedOn: `${y}-11-01`,
    days: {
      self: [`${y}-11-04`, 12],
      selfCheck: [`${y}-11-20`, 3],
      evaluation: [`${y}-11-26`, 9],
      reinspection: [`${y}-12-10`, 6],
      decision: `${y + 1}-01-12`,
    },
    note: `Đánh giá, xếp loại chi đoàn năm ${y}: Đoàn cơ sở đánh giá các chi đoàn trực thuộc, Thành đoàn phúc tra chọn mẫu.`,
    evidenceNote: `Báo cáo tổng kết công tác Đoàn năm ${y} của chi đoàn; biên bản họp chi đoàn tự đánh giá, xếp loại.`,
    seed: 7000 + y,
    plan: (s, index, set, random) => {
      const target = history(set, s.code, k);
      return { stage: 'accepted', target, selfTarget: claimed(set, target, random), sampled: index % 3 === 0 };
    },
  });
  await seedCycle(tx, finishedBranches(year - 2, 0), actors, today);
  await seedCycle(tx, finishedBranches(year - 1, 1), actors, today);
  const after = (days: number) => addDays(today, days);
  await seedCycle(
    tx,
    {
      programme: 'branchRating',
      ownerCode: 'DNG',
      year,
      reinspection: 'sample',
      deadlines: { selfAssessment: after(5), evaluation: after(15), reinspection: after(25), decision: after(35) },
      openedOn: after(-30),
      days: {
        self: [after(-26), 10],
        selfCheck: [after(-13), 2],
        evaluation: [after(-9), 2],
        reinspection: [after(-5), 1],
        decision: today,
      },
      lateUntil: after(-2),
      evidence: true,
      note: `Đánh giá, xếp loại chi đoàn năm ${year}: chi đoàn tự đánh giá, Đoàn cơ sở đánh giá, Thành đoàn phúc tra chọn mẫu.`,
      evidenceNote: `Báo cáo tổng kết công tác Đoàn năm ${year} của chi đoàn; biên bản họp chi đoàn tự đánh giá, xếp loại.`,
      seed: 7000 + year,
      plan: (s, index, set, random) => {
        const stage = CURRENT_STAGES[s.evaluatorCode]?.[index] ?? 'submitted';
        const target = history(set, s.code, 2);
        const reviewed = stage === 'evaluated' || stage === 'reinspected' || stage === 'late';
        const sampled = stage === 'reinspected' || stage === 'late' || index % 4 === 1;
        return { stage, target, selfTarget: reviewed ? claimed(set, target, random) : target, sampled };
      },
    },
    actors,
    today,
  );
  const x = year - 2;
  await seedCycle(
    tx,
    {
      programme: 'grassroots3Proactive',
      ownerCode: 'LDG',
      year: x,
      reinspection: 'all',
      deadlines: {
        registration: `${x - 1}-11-20`,
        selfAssessment: `${x}-10-15`,
        evaluation: `${x}-10-31`,
        reinspection: `${x}-11-20`,
        decision: `${x}-12-20`,
      },
      openedOn: `${x - 1}-10-20`,
      days: {
        register: [`${x - 1}-11-03`, 12],
        registerCheck: [`${x - 1}-11-24`, 4],
        self: [`${x}-10-01`, 7],
        selfCheck: [`${x}-10-16`, 3],
        evaluation: [`${x}-10-21`, 7],
        reinspection: [`${x}-11-10`, 6],
        decision: `${x}-12-18`,
      },
      note: `Xét công nhận Đoàn cơ sở “3 chủ động” năm ${x}: đăng ký trước ngày 20/11/${x - 1}, Tỉnh đoàn phúc tra tất cả các đơn vị.`,
      evidenceNote: `Báo cáo kết quả xây dựng Đoàn cơ sở “3 chủ động” năm ${x}, kèm minh chứng từng tiêu chí.`,
      seed: 3000 + x,
      plan: (s, _index, set) => {
        const [recognised, notRecognised] = set.classes.map((c) => c.key);
        const target = s.code === 'DLAO' ? notRecognised! : recognised!;
        return { stage: 'accepted', target, selfTarget: recognised!, sampled: true };
      },
    },
    actors,
    today,
  );
}
