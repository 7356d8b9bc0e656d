import { InputNumber, Select, Switch, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetDefinition } from '../../../../src/contracts/evaluations';
import { scoreText } from './evaluation-labels';

/** An item of a criteria set, as the contract defines it. */
export type Item = CriteriaSetDefinition['criteria'][number]['items'][number];
/** A score: yes/no, points, or a level key. */
export type ScoreValue = boolean | number | string;

interface InputProps {
  item: Item;
  value?: ScoreValue;
  onChange?: (value: ScoreValue | undefined) => void;
  id?: string;
  'aria-label'?: string;
}

/** The input of one item by its rule: a yes/no switch, points up to the maximum, or a level to choose. */
export function ScoreInput({ item, value, onChange, id, ...rest }: InputProps) {
  const { t } = useTranslation();
  const rule = item.rule;
  if (rule.kind === 'yesno')
    return (
      <Switch
        id={id}
        aria-label={rest['aria-label']}
        checked={value === true}
        onChange={(checked) => onChange?.(checked)}
        checkedChildren={t('evaluation.file.yes')}
        unCheckedChildren={t('evaluation.file.no')}
      />
    );
  if (rule.kind === 'points')
    return (
      <InputNumber
        id={id}
        aria-label={rest['aria-label']}
        min={0}
        max={rule.max}
        step={0.5}
        value={typeof value === 'number' ? value : null}
        onChange={(v) => onChange?.(v ?? undefined)}
        suffix={`/ ${scoreText(rule.max)}`}
        style={{ width: '100%', maxWidth: 180 }}
      />
    );
  return (
    <Select<string>
      id={id}
      aria-label={rest['aria-label']}
      allowClear
      placeholder={t('evaluation.file.chooseLevel')}
      value={typeof value === 'string' ? value : undefined}
      onChange={(v) => onChange?.(v)}
      options={rule.levels.map((l) => ({ value: l.key, label: `${l.label} (${scoreText(l.points)})` }))}
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
    />
  );
}

/** A score as text: "Đạt", "7/10", a level's name, or "Chưa chấm". */
export function scoreValueText(t: TFunction, item: Item, value: ScoreValue | undefined): string {
  if (value === undefined) return t('evaluation.file.notScored');
  const rule = item.rule;
  if (rule.kind === 'yesno') return value === true ? t('evaluation.file.yes') : t('evaluation.file.no');
  if (rule.kind === 'points') return `${scoreText(Number(value))}/${scoreText(rule.max)}`;
  const level = rule.levels.find((l) => l.key === value);
  return level ? `${level.label} (${scoreText(level.points)})` : String(value);
}

/** A score shown read-only. */
export function ScoreValueText({ item, value }: { item: Item; value: ScoreValue | undefined }) {
  const { t } = useTranslation();
  const muted = value === undefined || value === false;
  return <Typography.Text type={muted ? 'secondary' : undefined}>{scoreValueText(t, item, value)}</Typography.Text>;
}

/** "Có/Không · 1 điểm", "Tối đa 10 điểm", "Theo mức · tối đa 25 điểm". */
export function ruleText(t: TFunction, item: Item): string {
  const rule = item.rule;
  if (rule.kind === 'yesno') return t('evaluation.scoring.yesno', { points: scoreText(rule.points) });
  if (rule.kind === 'points') return t('evaluation.scoring.points', { max: scoreText(rule.max) });
  const max = Math.max(0, ...rule.levels.map((l) => l.points));
  return t('evaluation.scoring.level', { max: scoreText(max) });
}

/** Scores with the unset ones removed and yes/no items left unset counted as "no". */
export function cleanScores(items: Item[], scores: Record<string, ScoreValue | undefined> | undefined) {
  const out: Record<string, ScoreValue> = {};
  for (const item of items) {
    const value = scores?.[item.key];
    if (value !== undefined && value !== null) out[item.key] = value;
    else if (item.rule.kind === 'yesno') out[item.key] = false;
  }
  return out;
}

/** A criterion's heading on its card: its number in the source document, then its title. */
export function CriterionTitle({ criterion }: { criterion: { ref?: string; title: string } }) {
  return (
    <Typography.Text strong style={{ whiteSpace: 'normal' }}>
      {criterion.ref ? `${criterion.ref}. ` : ''}
      {criterion.title}
    </Typography.Text>
  );
}
