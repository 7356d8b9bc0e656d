import { allItems, maxTotal, type CriteriaSet } from '../domain/evaluations/criteria.js';
import { classOf, type Scores, type ScoreValue } from '../domain/evaluations/scoring.js';

/** Scores drawn so that the criteria set's own rules give `target` (the last draw when none does in 400 tries). */
export function sampleScores(set: CriteriaSet, target: string, random: () => number): Scores {
  const rank = Math.max(
    0,
    set.classes.findIndex((c) => c.key === target),
  );
  const max = maxTotal(set);
  const floor = set.classes[rank]!.minScore;
  const ceiling = rank === 0 ? max : set.classes[rank - 1]!.minScore;
  const quality = Math.min(1, (floor + (ceiling - floor) * 0.75) / max);
  let scores: Record<string, ScoreValue> = {};
  for (let attempt = 0; attempt < 400; attempt++) {
    const q = Math.min(1, Math.max(0, quality + (random() - 0.5) * 0.15));
    scores = {};
    for (const item of allItems(set)) {
      const rule = item.rule;
      if (rule.kind === 'yesno') scores[item.key] = random() < q + (item.mandatory ? 0.1 : 0);
      else if (rule.kind === 'points')
        scores[item.key] = Math.round(rule.max * Math.min(1, Math.max(0, q + (random() - 0.5) * 0.3)));
      else {
        const best = Math.max(...rule.levels.map((l) => l.points));
        const want = best * Math.min(1, q + (random() - 0.5) * 0.3);
        scores[item.key] = [...rule.levels].sort(
          (a, b) => Math.abs(a.points - want) - Math.abs(b.points - want),
        )[0]!.key;
      }
    }
    if (classOf(set, scores).key === target) return scores;
  }
  return scores;
}

/** The self-assessment lowered one notch at a time (preferred items first) until the rules give `target`. */
export function lowered(set: CriteriaSet, from: Scores, target: string, random: () => number, prefer?: RegExp): Scores {
  const rank = (key: string) => set.classes.findIndex((c) => c.key === key);
  const scores: Record<string, ScoreValue> = { ...from };
  const items = allItems(set)
    .map((item) => ({ item, order: (prefer?.test(item.text) ? 0 : item.mandatory ? 2 : 1) + random() }))
    .sort((a, b) => a.order - b.order)
    .map((x) => x.item);
  for (const item of items) {
    const was = scores[item.key];
    const rule = item.rule;
    if (rule.kind === 'yesno') scores[item.key] = false;
    else if (rule.kind === 'points') scores[item.key] = Math.max(0, Number(was ?? 0) - Math.ceil(rule.max / 3));
    else {
      const levels = [...rule.levels].sort((a, b) => b.points - a.points);
      scores[item.key] = levels[Math.min(levels.length - 1, levels.findIndex((l) => l.key === was) + 1)]!.key;
    }
    const now = classOf(set, scores).key;
    if (now === target) return scores;
    if (rank(now) > rank(target)) scores[item.key] = was!;
  }
  return sampleScores(set, target, random);
}
