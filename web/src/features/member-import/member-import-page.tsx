import { useEffect, useState } from 'react';
import { Button, Card, Grid, Skeleton, Steps, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { memberKeys } from '../members/member-queries';
import { unitDetailOptions, unitKeys, useUnitKinds } from '../units/unit-queries';
import { importJobOptions } from './import-queries';
import { ImportUnitStep, ImportUploadStep, type ImportTarget } from './import-setup';
import { ImportMappingStep } from './import-mapping';
import { ImportResultsStep } from './import-results';
import { ImportOutcome, ImportProgress } from './import-status';

interface Props {
  unitId: string;
  jobId?: string;
  /** Keeps the job in the address, so a reload comes back to it. */
  onJob: (jobId: string | undefined) => void;
}

const STEPS = ['unit', 'upload', 'mapping', 'check', 'commit', 'done'] as const;

function stepOf(job: ImportJobDto | undefined, local: 'unit' | 'upload', view: 'mapping' | 'check'): number {
  if (!job) return STEPS.indexOf(local);
  switch (job.status) {
    case 'queued':
    case 'running':
      return 1;
    case 'dry_run_ready':
      return STEPS.indexOf(view);
    case 'committing':
      return 4;
    case 'done':
      return 5;
    case 'failed':
      return job.counts ? 4 : 1;
    case 'cancelled':
      return job.counts ? 3 : 1;
  }
}

/** "Nhập từ Excel": unit and default branch, upload, columns, dry run, write with progress, report. */
export function MemberImportPage({ unitId, jobId, onJob }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const { data: unit } = useQuery(unitDetailOptions(unitId));
  const { byCode, isPending: kindsPending } = useUnitKinds();
  const job = useQuery({ ...importJobOptions(jobId ?? ''), enabled: Boolean(jobId) });
  const [local, setLocal] = useState<'unit' | 'upload'>('unit');
  const [view, setView] = useState<'mapping' | 'check'>('mapping');
  const [chosen, setChosen] = useState<ImportTarget | null>(null);
  const status = job.data?.status;

  // A branch imports into itself: start with it as the default branch.
  const isBranch = unit ? Boolean(byCode.get(unit.kind)?.isLeaf) : false;
  const target = chosen ?? { unitId, defaultBranchId: isBranch ? unitId : undefined };

  // A finished write changes the member lists and counts.
  useEffect(() => {
    if (status !== 'done') return;
    void queryClient.invalidateQueries({ queryKey: memberKeys.all });
    void queryClient.invalidateQueries({ queryKey: unitKeys.all });
  }, [status, queryClient]);

  const another = () => {
    setLocal('upload');
    setView('mapping');
    onJob(undefined);
  };
  const current = stepOf(jobId ? job.data : undefined, local, view);

  let body;
  if (jobId && job.error) body = <PageError error={job.error} onRetry={() => void job.refetch()} />;
  else if (jobId && !job.data) body = <Skeleton active />;
  else if (!job.data || !jobId) {
    body =
      local === 'unit' ? (
        !unit || kindsPending ? (
          <Skeleton active />
        ) : (
          <ImportUnitStep
            target={target}
            knownBranches={isBranch ? [{ id: unit.id, name: unit.name }] : []}
            onNext={(next) => {
              setChosen(next);
              setLocal('upload');
            }}
          />
        )
      ) : (
        <ImportUploadStep target={target} onBack={() => setLocal('unit')} onJob={(created) => onJob(created.id)} />
      );
  } else if (status === 'queued' || status === 'running' || status === 'committing') {
    body = <ImportProgress job={job.data} />;
  } else if (status === 'dry_run_ready') {
    body =
      view === 'mapping' ? (
        <ImportMappingStep job={job.data} onResults={() => setView('check')} />
      ) : (
        <ImportResultsStep job={job.data} onEditMapping={() => setView('mapping')} onAnother={another} />
      );
  } else {
    body = <ImportOutcome job={job.data} onAnother={another} />;
  }

  return (
    <>
      <PageTitle
        title={t('memberImport.title')}
        extra={
          <Link to="/units/$unitId/members" params={{ unitId }}>
            <Button icon={<ArrowLeftOutlined />}>{t('memberImport.back')}</Button>
          </Link>
        }
      />
      {unit && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {unit.name}
        </Typography.Paragraph>
      )}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          status={status === 'failed' || status === 'cancelled' ? 'error' : undefined}
          responsive={false}
          items={STEPS.map((s) => ({ key: s, title: screens.md ? t(`memberImport.steps.${s}`) : null }))}
          data-testid="import-steps"
        />
        {!screens.md && (
          <Typography.Text strong style={{ display: 'block', marginTop: 8, textAlign: 'center' }}>
            {t('memberImport.stepOf', {
              n: current + 1,
              total: STEPS.length,
              title: t(`memberImport.steps.${STEPS[current] ?? 'unit'}`),
            })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small">{body}</Card>
    </>
  );
}
