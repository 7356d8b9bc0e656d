import type { ReactNode } from 'react';
import { Descriptions, Flex, Grid, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleKey } from '../../../../src/domain/rules/rule-sets';
import { isFormList, isFraction, NUMBER_FIELDS } from './rule-fields';
import type { rulesVi } from './rules.vi';

/** A field label key of the catalogue. */
export type RuleFieldKey = keyof typeof rulesVi.rules.fields;

/** A rule set's value as labelled lines (numbers with their unit, dates, fractions, forms). */
export function RuleValue({
  ruleKey,
  value,
  compact,
}: {
  ruleKey: RuleKey;
  value: Record<string, unknown>;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const narrow = !Grid.useBreakpoint().md;
  const number = (n: unknown) => (typeof n === 'number' ? n.toLocaleString(i18n.language === 'en' ? 'en' : 'vi') : '—');
  const items: { key: string; label: string; children: ReactNode }[] = NUMBER_FIELDS[ruleKey].map((f) => ({
    key: f.field,
    label: t(`rules.fields.${f.field as RuleFieldKey}`),
    children: t(`rules.units.${f.unit}`, { n: number(value[f.field]) }),
  }));
  if (ruleKey === 'comingOfAge') {
    const dates = Array.isArray(value.ceremonyDates) ? value.ceremonyDates.map(String) : [];
    items.push({
      key: 'ceremonyDates',
      label: t('rules.fields.ceremonyDates'),
      children: (
        <Flex wrap gap={4}>
          {dates.map((d) => (
            <Tag key={d}>{d}</Tag>
          ))}
        </Flex>
      ),
    });
  }
  if (ruleKey === 'discipline') {
    for (const field of ['quorum', 'majority'] as const) {
      const v = value[field];
      items.push({ key: field, label: t(`rules.fields.${field}`), children: isFraction(v) ? `${v[0]}/${v[1]}` : '—' });
    }
    const forms = isFormList(value.forms) ? value.forms : [];
    items.push({
      key: 'forms',
      label: t('rules.fields.forms'),
      children: (
        <Flex wrap gap={4}>
          {forms.map((f) => (
            <Tag key={f.key} color={f.subject === 'unit' ? 'purple' : 'default'} style={{ whiteSpace: 'normal' }}>
              {`${f.label} · ${t(`rules.subjects.${f.subject}`)} · ${t(`rules.deciders.${f.decidedBy}`)}`}
            </Tag>
          ))}
        </Flex>
      ),
    });
  }
  return (
    <Descriptions
      size="small"
      layout={narrow ? 'vertical' : 'horizontal'}
      column={compact || narrow ? 1 : 2}
      items={items}
    />
  );
}
