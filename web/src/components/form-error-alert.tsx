import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../lib/api';

/**
 * The error of a failed form submission, above the form's buttons.
 * A 409 on a versioned edit means someone else changed the record: offer to reload it.
 */
export function FormErrorAlert({ error, onReload }: { error: unknown; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  const stale = error instanceof ApiError && error.status === 409 && onReload && error.fieldIssues.length === 0;
  if (stale) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('errors.staleTitle')}
        data-testid="stale-error"
        action={
          <Button size="small" onClick={onReload}>
            {t('common.reload')}
          </Button>
        }
      />
    );
  }
  return (
    <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorMessage(error)} data-testid="form-error" />
  );
}
