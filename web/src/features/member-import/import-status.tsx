import { Button, Flex, Progress, Result, Typography } from 'antd';
import { DownloadOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';

const percentOf = (job: ImportJobDto) =>
  job.totalRows ? Math.min(100, Math.round((job.processedRows / job.totalRows) * 100)) : 0;

/** The dry run or the write in progress, with its progress bar. */
export function ImportProgress({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation();
  const counting = { done: job.processedRows, total: job.totalRows ?? '…' };
  const text =
    job.status === 'committing'
      ? t('memberImport.committing', counting)
      : job.totalRows
        ? t('memberImport.checking', counting)
        : t('memberImport.checkingStart');
  return (
    <Flex vertical gap={8} style={{ maxWidth: 640 }} data-testid="import-progress">
      <Typography.Text>{text}</Typography.Text>
      <Progress percent={percentOf(job)} status="active" />
    </Flex>
  );
}

/** The written import, or a failed one, with the report and the ways on. */
export function ImportOutcome({ job, onAnother }: { job: ImportJobDto; onAnother: () => void }) {
  const { t } = useTranslation();
  const counts = job.counts ?? { create: 0, update: 0 };
  const done = job.status === 'done';
  return (
    <Result
      status={done ? 'success' : 'error'}
      title={done ? t('memberImport.doneTitle') : t('memberImport.failedTitle')}
      subTitle={
        done
          ? t('memberImport.doneText', { create: counts.create, update: counts.update, name: job.fileName })
          : (job.error?.message ?? '')
      }
      data-testid="import-outcome"
      extra={
        <Flex wrap gap={8} justify="center">
          {job.headerRow !== null && (
            <Button icon={<DownloadOutlined />} href={`/api/member-imports/${job.id}/report.xlsx`} download>
              {t('memberImport.report')}
            </Button>
          )}
          <Link to="/units/$unitId/members" params={{ unitId: job.unitId }}>
            <Button type={done ? 'primary' : 'default'} icon={<TeamOutlined />}>
              {t('memberImport.viewMembers')}
            </Button>
          </Link>
          <Button icon={<UploadOutlined />} onClick={onAnother}>
            {t('memberImport.another')}
          </Button>
        </Flex>
      }
    />
  );
}
