import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';

const COLORS = { create: '#389e0d', update: '#1565c0', unchanged: '#8c8c8c', reject: '#cf1322', skipped: '#8c8c8c' };

/** The dry run's counts by outcome. */
export function ImportCounts({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation();
  if (!job.counts) return null;
  const counts = job.counts;
  return (
    <Row gutter={[8, 8]} data-testid="import-counts">
      {(['create', 'update', 'unchanged', 'reject', 'skipped'] as const).map((k) => (
        <Col key={k} xs={8} lg={4}>
          <Card size="small" styles={{ body: { padding: '6px 10px' } }}>
            <Statistic
              title={t(`memberImport.outcomes.${k}`)}
              value={counts[k]}
              styles={{ content: { color: counts[k] > 0 ? COLORS[k] : undefined } }}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
