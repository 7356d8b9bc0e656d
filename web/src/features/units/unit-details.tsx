import type { ReactNode } from 'react';
import { Descriptions, Grid, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../src/contracts/units';
import { formatDate } from '../../lib/dates';
import { useLabels } from './labels';
import { useUnitKinds } from './unit-queries';

const dash = '—';

/** The unit's details as a description list (two columns on desktop, one on phones). */
export function UnitDetails({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { kindName } = useUnitKinds();
  const screens = Grid.useBreakpoint();

  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'kind', label: t('unit.fields.kind'), children: kindName(unit.kind) },
    { key: 'code', label: t('unit.fields.code'), children: unit.code },
    { key: 'shortName', label: t('unit.fields.shortName'), children: unit.shortName ?? dash },
    { key: 'sector', label: t('unit.fields.sector'), children: labels.sector(unit.sector) },
    {
      key: 'powers',
      label: t('unit.fields.powers'),
      children:
        unit.powers.length === 0
          ? dash
          : unit.powers.map((p) => (
              <Tag key={p} color="gold" style={{ whiteSpace: 'normal' }}>
                {labels.power(p)}
              </Tag>
            )),
    },
    { key: 'foundedOn', label: t('unit.fields.foundedOn'), children: formatDate(unit.foundedOn) || dash },
    { key: 'address', label: t('unit.fields.address'), children: unit.address ?? dash },
    {
      key: 'phone',
      label: t('unit.fields.phone'),
      children: unit.phone ? <a href={`tel:${unit.phone.replace(/\s/g, '')}`}>{unit.phone}</a> : dash,
    },
    {
      key: 'email',
      label: t('unit.fields.email'),
      children: unit.email ? <a href={`mailto:${unit.email}`}>{unit.email}</a> : dash,
    },
    {
      key: 'socialUrl',
      label: t('unit.fields.socialUrl'),
      children: unit.socialUrl ? (
        <Typography.Link
          href={unit.socialUrl}
          target="_blank"
          rel="noopener noreferrer"
          style={{ wordBreak: 'break-all' }}
        >
          {unit.socialUrl}
        </Typography.Link>
      ) : (
        dash
      ),
    },
    { key: 'memberCount', label: t('unit.fields.memberCount'), children: unit.memberCount },
    { key: 'childCount', label: t('unit.fields.childCount'), children: unit.childCount },
    { key: 'subtreeUnitCount', label: t('unit.fields.subtreeUnitCount'), children: unit.subtreeUnitCount },
  ];
  if (unit.closedOn) {
    items.push(
      { key: 'closedOn', label: t('unit.fields.closedOn'), children: formatDate(unit.closedOn) },
      { key: 'closeReason', label: t('unit.fields.closeReason'), children: unit.closeReason ?? dash },
    );
  }

  // Phones skip empty fields to keep the page short.
  const shown = screens.sm ? items : items.filter((i) => i.children !== dash);
  return <Descriptions size="small" column={screens.lg ? 2 : 1} items={shown} data-testid="unit-details" />;
}
