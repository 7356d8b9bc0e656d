import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Flex, Skeleton, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../../../../src/contracts/admissions';
import type { AdmissionAction } from '../../../../src/domain/workflows/admission';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { formatDate } from '../../lib/dates';
import { AdmissionStatusTag } from './admission-labels';
import { candidateOptions } from './admission-queries';
import { CandidateFormDrawer } from './candidate-form-drawer';
import { CandidateSections } from './candidate-sections';
import { CandidateSteps } from './candidate-steps';
import { StepModal, type StepKind } from './step-modals';

type MainStep = 'vote' | 'approve' | 'admit';
const MAIN: readonly AdmissionAction[] = ['vote', 'approve', 'admit'];

/** The next step in words: the actor's main step, else what the procedure waits for. */
function useNextText(c: CandidateDetail | undefined, main: MainStep | undefined): string {
  const { t } = useTranslation();
  if (!c) return '';
  if (main) return t(`admission.next.${main}`);
  if (c.status === 'admitted') return t('admission.next.finished');
  if (c.status === 'rejected' || c.status === 'withdrawn') return t('admission.next.closed');
  if (c.status === 'voted') return t('admission.next.waitingApproval', { unit: c.decidingUnit?.name ?? '' });
  if (c.status === 'approved') return t('admission.next.waitingCeremony');
  const ready = c.steps.filter((s) => s.key === 'course' || s.key === 'introducer').every((s) => s.state === 'done');
  return ready ? t('admission.next.waitingVote') : t('admission.next.prepare');
}

/** A candidate: the steps done and next, warnings, the record, and the actions this account may take. */
export function CandidatePage({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const { data: c, error, isPending, refetch } = useQuery(candidateOptions(candidateId));
  const [step, setStep] = useState<StepKind | null>(null);
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const main = (c?.actions.filter((a) => MAIN.includes(a)) ?? []) as MainStep[];
  const next = useNextText(c, main[0]);

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !c) return <PageError error={error} onRetry={() => void refetch()} />;
  const branchUnit = c.unitPath.at(-1);

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'list',
            title: (
              <Link to="/admissions" search={{ unitId: branchUnit?.id }}>
                {t('admission.title')}
              </Link>
            ),
          },
          { key: 'branch', title: c.unitName },
        ]}
      />
      <PageTitle
        title={
          <Space wrap size={8}>
            <span data-testid="candidate-name">{c.fullName}</span>
            <AdmissionStatusTag status={c.status} />
          </Space>
        }
        extra={
          c.actions.includes('edit') && <Button onClick={() => setEditing(true)}>{t('admission.actions.edit')}</Button>
        }
      />
      {c.warnings.map((w) => (
        <Alert
          key={w.code}
          type="warning"
          showIcon
          data-testid="admission-warning"
          style={{ marginBottom: 12 }}
          title={t(`admission.warnings.${w.code}`, { date: formatDate(w.dueBy) })}
        />
      ))}
      {c.rejectReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${t(`admission.statuses.${c.status}`)}: ${c.rejectReason}`}
        />
      )}
      <Card size="small" title={t('admission.sections.steps')} style={{ marginBottom: 16 }}>
        <CandidateSteps candidate={c} />
      </Card>
      <Card size="small" title={t('admission.sections.next')} style={{ marginBottom: 16 }} data-testid="next-step">
        <Flex vertical gap={12}>
          <Typography.Text>{next}</Typography.Text>
          <Flex wrap gap={8}>
            {main.map((a) => (
              <Button key={a} type="primary" onClick={() => setStep(a)}>
                {t(`admission.actions.${a}`)}
              </Button>
            ))}
            {c.decision && (
              <Button icon={<DownloadOutlined />} href={c.decision.fileUrl}>
                {t('admission.actions.download')}
              </Button>
            )}
            {c.memberId && (
              <Button onClick={() => void navigate({ to: '/members/$memberId', params: { memberId: c.memberId! } })}>
                {t('admission.actions.openMember')}
              </Button>
            )}
            {(['reject', 'withdraw'] as const)
              .filter((a) => c.actions.includes(a))
              .map((a) => (
                <Button key={a} danger={a === 'reject'} onClick={() => setStep(a)}>
                  {t(`admission.actions.${a}`)}
                </Button>
              ))}
          </Flex>
        </Flex>
      </Card>
      <Card size="small">
        <CandidateSections candidate={c} />
      </Card>
      {step && <StepModal candidate={c} kind={step} onClose={() => setStep(null)} />}
      {editing && <CandidateFormDrawer mode="update" candidate={c} onClose={() => setEditing(false)} />}
    </>
  );
}
