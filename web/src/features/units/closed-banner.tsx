import { Alert, Space } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../src/contracts/units';
import { formatDate } from '../../lib/dates';

/** A closed unit: since when, why, and which units carry on its work. */
export function ClosedBanner({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="closed-banner"
      title={t('unit.closedBanner', { date: formatDate(unit.closedOn) })}
      description={
        <Space orientation="vertical" size={4}>
          {unit.closeReason && <span>{t('unit.closeReasonText', { reason: unit.closeReason })}</span>}
          {unit.successors.length > 0 && (
            <span>
              {t('unit.successors')}:{' '}
              {unit.successors.map((s, i) => (
                <span key={s.unitId}>
                  {i > 0 && ', '}
                  <Link to="/units/$unitId" params={{ unitId: s.unitId }}>
                    {s.unitName}
                  </Link>
                </span>
              ))}
            </span>
          )}
        </Space>
      }
    />
  );
}
