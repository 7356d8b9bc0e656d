import { Empty, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { mineOptions } from './evaluation-api';
import { EvaluationRows } from './subject-list';

/**
 * "Tự đánh giá xếp loại": what the signed-in account has to fill in open cycles (a member's own rating, or the
 * self-assessments of the units it manages), each opening its file.
 */
export function MyEvaluationsPage() {
  const { t } = useTranslation();
  const query = useQuery(mineOptions);
  return (
    <>
      <PageTitle title={t('evaluation.mine.title')} />
      <Typography.Paragraph type="secondary">{t('evaluation.mine.hint')}</Typography.Paragraph>
      {query.error ? (
        <PageError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : query.data.length === 0 ? (
        <Empty description={t('evaluation.mine.empty')} />
      ) : (
        <EvaluationRows items={query.data} />
      )}
    </>
  );
}
