import { App, Button, Popconfirm } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import { errorMessage } from '../../lib/api';
import { sendApi } from '../members/member-api';
import { importKeys } from './import-queries';

/** "Hủy lượt nhập", with a confirmation; shown only while the server allows it (before the write starts). */
export function ImportCancelButton({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => sendApi<ImportJobDto>('POST', `/member-imports/${job.id}/cancel`, {}),
    onSuccess: (next) => {
      queryClient.setQueryData(importKeys.job(next.id), next);
      void message.success(t('memberImport.cancelDone'));
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void queryClient.invalidateQueries({ queryKey: importKeys.job(job.id) });
    },
  });
  if (!job.actions.includes('cancel')) return null;
  return (
    <Popconfirm
      title={t('memberImport.cancelConfirm', { name: job.fileName })}
      description={t('memberImport.cancelConfirmText')}
      okText={t('memberImport.cancel')}
      okButtonProps={{ danger: true }}
      cancelText={t('memberImport.cancelKeep')}
      onConfirm={() => cancel.mutate()}
    >
      <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="import-cancel">
        {t('memberImport.cancel')}
      </Button>
    </Popconfirm>
  );
}
