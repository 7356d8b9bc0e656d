import { Card, Col, Progress, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorKeyName, IndicatorsResponse } from '../../../../src/contracts/branch-indicators';
import { INDICATOR_KEYS } from '../../../../src/domain/branch-life/indicators';

/** The percent of a share (one decimal), or null. */
export const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** One card per indicator: share, numerator/denominator, target and progress; a click opens the list. */
export function IndicatorCards({
  data,
  onOpen,
}: {
  data: IndicatorsResponse;
  onOpen: (key: IndicatorKeyName) => void;
}) {
  const { t } = useTranslation();
  const label = (key: IndicatorKeyName) =>
    t(`indicator.keys.${key}`, { min: data.rules.minMembers, months: data.rules.notSeenMonths });
  return (
    <Row gutter={[12, 12]}>
      {INDICATOR_KEYS.map((key) => {
        const f = data.figures[key];
        const value = percent(f.share);
        return (
          <Col key={key} xs={24} sm={12} lg={8}>
            <Card
              hoverable
              size="small"
              onClick={() => onOpen(key)}
              data-testid={`indicator-${key}`}
              role="button"
              aria-label={label(key)}
              style={{ height: '100%' }}
            >
              <Typography.Text strong>{label(key)}</Typography.Text>
              <Typography.Title level={2} style={{ margin: '4px 0' }}>
                {value === null ? '—' : `${value}%`}
              </Typography.Title>
              <Typography.Text type="secondary">
                {f.denominator > 0 ? t('indicator.ratio', f) : t('indicator.noData')}
              </Typography.Text>
              <Progress
                percent={value ?? 0}
                showInfo={false}
                status={f.meetsTarget === false ? 'exception' : f.meetsTarget ? 'success' : 'normal'}
                success={f.target !== null ? { percent: 0 } : undefined}
              />
              {f.target !== null ? (
                <Tag color={f.meetsTarget ? 'green' : 'orange'}>
                  {t('indicator.target', { value: Math.round(f.target * 100) })} ·{' '}
                  {f.meetsTarget ? t('indicator.reached') : t('indicator.notReached')}
                </Tag>
              ) : (
                <Tag>{t('indicator.noTarget')}</Tag>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
