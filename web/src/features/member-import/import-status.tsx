import { Alert, Button, Flex, Progress, Result, Spin, Typography } from 'antd';
import { DownloadOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import { ImportCancelButton } from './import-cancel';

const percentOf = (job: ImportJobDto) =>
  job.totalRows ? Math.min(100, Math.round((job.processedRows / job.totalRows) * 100)) : 0;

/**
 * The dry run or the write in progress, with its progress bar and, before the write, a way to cancel. On the
 * embedded database a write reports no progress until it ends (its one transaction holds the only connection).
 */
export function ImportProgress({ job }: { job: ImportJobDto }) {
  const { t } = useTranslation();
  const counting = { done: job.processedRows, total: job.totalRows ?? '…' };
  const waiting = job.status === 'committing' && job.processedRows === 0;
  const text =
    job.status === 'committing'
      ? waiting
        ? t('memberImport.committingWait', counting)
        : t('memberImport.committing', counting)
      : job.totalRows
        ? t('memberImport.checking', counting)
        : t('memberImport.checkingStart');
  return (
    <Flex vertical gap={8} style={{ maxWidth: 640 }} data-testid="import-progress">
      <Typography.Text>{text}</Typography.Text>
      {waiting ? <Spin /> : <Progress percent={percentOf(job)} status="active" />}
      <div>
        <ImportCancelButton job={job} />
      </div>
    </Flex>
  );
}

function outcomeText(job: ImportJobDto, t: TFunction) {
  const counts = job.counts ?? { create: 0, update: 0 };
  switch (job.status) {
    case 'done':
      return {
        status: 'success' as const,
        title: t('memberImport.doneTitle'),
        text: t('memberImport.doneText', { create: counts.create, update: counts.update, name: job.fileName }),
      };
    case 'cancelled':
      return {
        status: 'warning' as const,
        title: t('memberImport.cancelledTitle'),
        text: job.error?.message ?? t('memberImport.cancelledText', { name: job.fileName }),
      };
    default:
      return { status: 'error' as const, title: t('memberImport.failedTitle'), text: job.error?.message ?? '' };
  }
}

/** The written import, a failed or a cancelled one, with the report (while kept) and the ways on. */
export function ImportOutcome({ job, onAnother }: { job: ImportJobDto; onAnother: () => void }) {
  const { t } = useTranslation();
  const { status, title, text } = outcomeText(job, t);
  const done = job.status === 'done';
  return (
    <Result
      status={status}
      title={title}
      subTitle={
        <Flex vertical gap={8} align="center">
          <span>{text}</span>
          {job.purged && (
            <Alert
              type="info"
              showIcon
              title={t('memberImport.purged')}
              style={{ textAlign: 'left' }}
              data-testid="import-purged"
            />
          )}
        </Flex>
      }
      data-testid="import-outcome"
      extra={
        <Flex wrap gap={8} justify="center">
          {job.actions.includes('report') && (
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
