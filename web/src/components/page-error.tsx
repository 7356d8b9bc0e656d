import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../lib/api';

/** A failed page load: forbidden, not found, or anything else with a retry button. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403) {
    return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={errorMessage(error)} />;
  }
  if (status === 404) {
    return <Result status="404" title={t('errors.notFoundTitle')} subTitle={errorMessage(error)} />;
  }
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={errorMessage(error)}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/** Shown instead of a page the account may not open. */
export function Forbidden() {
  const { t } = useTranslation();
  return <Result status="403" title={t('errors.forbiddenTitle')} subTitle={t('errors.forbiddenText')} />;
}
