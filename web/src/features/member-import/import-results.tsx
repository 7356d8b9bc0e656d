import { useState } from 'react';
import { Alert, Button, Flex, Popconfirm, Tabs } from 'antd';
import { CheckOutlined, DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import { errorMessage } from '../../lib/api';
import { sendApi } from '../members/member-api';
import { ImportCounts } from './import-counts';
import { ImportCancelButton } from './import-cancel';
import { importKeys, type ImportOutcome } from './import-queries';
import { ImportRowsTable } from './import-rows-table';

const OUTCOMES: ImportOutcome[] = ['reject', 'create', 'update', 'unchanged'];

interface Props {
  job: ImportJobDto;
  onEditMapping: () => void;
  onAnother: () => void;
}

/** Step 4: what the file would do, row by row; writing is possible only when no row is rejected. */
export function ImportResultsStep({ job, onEditMapping, onAnother }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const counts = job.counts ?? { create: 0, update: 0, unchanged: 0, reject: 0, skipped: 0 };
  const shown = OUTCOMES.filter((o) => counts[o] > 0);
  const [tab, setTab] = useState<string>(shown[0] ?? 'create');
  const toWrite = counts.create + counts.update;
  const blocked = counts.reject > 0 || toWrite === 0;

  const commit = useMutation({
    mutationFn: () => sendApi<ImportJobDto>('POST', `/member-imports/${job.id}/commit`, {}),
    onSuccess: (next) => queryClient.setQueryData(importKeys.job(next.id), next),
  });

  return (
    <Flex vertical gap={12}>
      <ImportCounts job={job} />
      {counts.reject > 0 ? (
        <Alert type="error" showIcon title={t('memberImport.rejectBlocks', { n: counts.reject })} />
      ) : toWrite === 0 ? (
        <Alert type="warning" showIcon title={t('memberImport.nothingToWrite')} />
      ) : (
        <Alert
          type="success"
          showIcon
          title={t('memberImport.readyToWrite', { create: counts.create, update: counts.update })}
        />
      )}
      {commit.error && <Alert type="error" showIcon title={errorMessage(commit.error)} />}
      <Flex wrap gap={8}>
        <Popconfirm
          title={t('memberImport.commitConfirm', { n: toWrite })}
          okText={t('memberImport.commit')}
          cancelText={t('common.cancel')}
          onConfirm={() => commit.mutate()}
          disabled={blocked}
        >
          <Button type="primary" icon={<CheckOutlined />} disabled={blocked} loading={commit.isPending}>
            {t('memberImport.commit')}
          </Button>
        </Popconfirm>
        {job.actions.includes('report') && (
          <Button icon={<DownloadOutlined />} href={`/api/member-imports/${job.id}/report.xlsx`} download>
            {t('memberImport.report')}
          </Button>
        )}
        <Button icon={<EditOutlined />} onClick={onEditMapping}>
          {t('memberImport.editMapping')}
        </Button>
        <Button icon={<UploadOutlined />} onClick={onAnother}>
          {t('memberImport.another')}
        </Button>
        <ImportCancelButton job={job} />
      </Flex>
      {shown.length > 0 && (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={shown.map((o) => ({
            key: o,
            label: `${t(`memberImport.outcomes.${o}`)} (${counts[o]})`,
            children: <ImportRowsTable job={job} outcome={o} />,
          }))}
        />
      )}
    </Flex>
  );
}
