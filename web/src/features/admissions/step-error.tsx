import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../components/form-error-alert';
import { ApiError } from '../../lib/api';

/** A failed step: "changed by someone else" with a reload button on 409, every refused row of a batch, else the message. */
export function StepError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 409 && error.fieldIssues.length === 0) {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="stale-error"
        title={t('admission.stale')}
        action={
          <Button size="small" onClick={onReload}>
            {t('common.reload')}
          </Button>
        }
      />
    );
  }
  const issues = error instanceof ApiError ? error.fieldIssues.filter((i) => i.field.startsWith('items.')) : [];
  if (issues.length > 1) {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="form-error"
        title={(error as ApiError).message}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {issues.map((i) => (
              <li key={`${i.field}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        }
      />
    );
  }
  return <FormErrorAlert error={error} />;
}
