import { Alert, Button } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { mineOptions } from './evaluation-api';

/** On the member's own page: the self-assessments still to fill in open cycles, one click away. */
export function MyEvaluationsNotice() {
  const { t } = useTranslation();
  const { data } = useQuery(mineOptions);
  const todo = (data ?? []).filter((r) => r.status === 'ready' || r.status === 'returned');
  if (todo.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="my-evaluations-notice"
      title={t('evaluation.mine.notice', { n: todo.length })}
      action={
        <Link to="/evaluations/mine">
          <Button size="small" type="primary" icon={<CheckSquareOutlined />}>
            {t('evaluation.mine.open')}
          </Button>
        </Link>
      }
    />
  );
}
