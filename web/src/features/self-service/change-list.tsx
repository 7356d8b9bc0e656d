import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangeRequestDto } from '../../../../src/contracts/self-service';
import { useSelfServiceLabels } from './self-service-labels';

/** The requested changes of a request: each field with its value on the record and the value asked for. */
export function ChangeList({ request, showCurrent = false }: { request: ChangeRequestDto; showCurrent?: boolean }) {
  const { t } = useTranslation();
  const labels = useSelfServiceLabels();
  return (
    <Flex vertical gap={6} data-testid="change-list">
      {Object.entries(request.changes).map(([field, value]) => {
        const previous = request.previous[field] ?? null;
        const current = request.current[field] ?? null;
        return (
          <div key={field} data-testid={`change-${field}`}>
            <Typography.Text strong>{labels.field(field)}: </Typography.Text>
            <Typography.Text delete type="secondary" style={{ overflowWrap: 'anywhere' }}>
              {labels.value(field, previous)}
            </Typography.Text>
            {' → '}
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>{labels.value(field, value)}</Typography.Text>
            {showCurrent && request.status === 'pending' && current !== previous && (
              <div>
                <Typography.Text type="warning">
                  {t('selfService.requests.changedSince', { value: labels.value(field, current) })}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      })}
    </Flex>
  );
}
