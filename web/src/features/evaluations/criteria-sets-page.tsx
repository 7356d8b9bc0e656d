import { Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CriteriaSetSummary } from '../../../../src/contracts/evaluations';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan } from '../auth/current-user';
import { cardStyle, useIsMobile } from '../member-exits/procedure-ui';
import { criteriaSetsOptions } from './evaluation-api';
import { programmeLabel, scoreText } from './evaluation-labels';

/** "2023 – 2027" or "từ 2023". */
export function validityText(t: TFunction, set: Pick<CriteriaSetSummary, 'validFrom' | 'validTo'>): string {
  return set.validTo === null
    ? t('evaluation.sets.openEnded', { from: set.validFrom })
    : t('evaluation.sets.validity', { from: set.validFrom, to: set.validTo });
}

/** "Đã dùng, không sửa được" or "Chưa dùng". */
export function FrozenTag({ frozen }: { frozen: boolean }) {
  const { t } = useTranslation();
  return frozen ? (
    <Tag icon={<LockOutlined />} color="default">
      {t('evaluation.sets.frozen')}
    </Tag>
  ) : (
    <Tag color="green">{t('evaluation.sets.editable')}</Tag>
  );
}

/** "Bộ tiêu chí": the criteria sets of every programme and period. */
export function CriteriaSetsPage() {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const query = useQuery({ ...criteriaSetsOptions, enabled: canRead });
  if (!canRead) return <Forbidden />;
  const sets = query.data;
  const title = (s: CriteriaSetSummary) => (
    <Link to="/evaluations/criteria-sets/$setId" params={{ setId: s.id }} onClick={(e) => e.stopPropagation()}>
      {programmeLabel(t, s.programme, s.title)}
    </Link>
  );
  return (
    <>
      <PageTitle title={t('evaluation.sets.title')} />
      <Typography.Paragraph type="secondary">{t('evaluation.sets.hint')}</Typography.Paragraph>
      {query.error ? (
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      ) : !sets ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : sets.length === 0 ? (
        <Empty description={t('evaluation.sets.empty')} />
      ) : isMobile ? (
        <div data-testid="criteria-sets">
          {sets.map((s) => (
            <div key={s.id} style={cardStyle}>
              {title(s)}
              <div>
                <Typography.Text type="secondary">
                  {validityText(t, s)} · {t(`evaluation.subjectKinds.${s.subject}`)}
                </Typography.Text>
              </div>
              <Flex gap={6} wrap align="center" style={{ marginTop: 4 }}>
                <span style={{ fontSize: 13 }}>
                  {t('evaluation.sets.itemsLine', { items: s.itemCount, max: scoreText(s.maxTotal) })}
                </span>
                <FrozenTag frozen={s.frozen} />
              </Flex>
            </div>
          ))}
        </div>
      ) : (
        <Table<CriteriaSetSummary>
          size="small"
          rowKey="id"
          dataSource={sets}
          pagination={false}
          data-testid="criteria-sets"
          onRow={(s) => ({
            onClick: () => void navigate({ to: '/evaluations/criteria-sets/$setId', params: { setId: s.id } }),
            style: { cursor: 'pointer' },
          })}
          columns={[
            { title: t('evaluation.sets.programme'), key: 'title', render: (_: unknown, s) => title(s) },
            { title: t('evaluation.sets.period'), key: 'period', render: (_: unknown, s) => validityText(t, s) },
            {
              title: t('evaluation.sets.subject'),
              key: 'subject',
              render: (_: unknown, s) => t(`evaluation.subjectKinds.${s.subject}`),
            },
            { title: t('evaluation.sets.items'), dataIndex: 'itemCount', align: 'right' },
            {
              title: t('evaluation.sets.maxTotal'),
              key: 'max',
              align: 'right',
              render: (_: unknown, s) => scoreText(s.maxTotal),
            },
            {
              title: t('evaluation.sets.state'),
              key: 'frozen',
              render: (_: unknown, s) => <FrozenTag frozen={s.frozen} />,
            },
          ]}
        />
      )}
    </>
  );
}
