import type { ReactNode } from 'react';
import { Grid, Steps, Typography } from 'antd';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../../../../src/contracts/admissions';
import { formatDate } from '../../lib/dates';

type Step = CandidateDetail['steps'][number];

const STATUS: Record<Step['state'], 'finish' | 'process' | 'wait' | 'error'> = {
  done: 'finish',
  current: 'process',
  waiting: 'wait',
  failed: 'error',
};

/** What a step shows under its title: dates, the vote, the decision, the card. */
function StepNote({ c, step }: { c: CandidateDetail; step: Step }) {
  const { t } = useTranslation();
  const lines: ReactNode[] = [];
  if (step.date) lines.push(formatDate(step.date));
  if (step.key === 'course' && c.courseCertificateNo) lines.push(c.courseCertificateNo);
  if (step.key === 'introducer' && c.introducerKind)
    lines.push(c.introducerMember?.name ?? c.introducerName ?? t(`admission.introducerKinds.${c.introducerKind}`));
  if (step.key === 'vote' && c.meetingPresent !== null)
    lines.push(t('admission.notes.votes', { present: c.meetingPresent, inFavour: c.meetingInFavour ?? 0 }));
  if (step.key === 'approval' && c.decision)
    lines.push(
      <a key="decision" href={c.decision.fileUrl}>
        {t('admission.notes.decision', { number: c.decision.numberText })}
      </a>,
    );
  if (step.key === 'approval' && step.state !== 'done' && c.decidingUnit) lines.push(c.decidingUnit.name);
  if (step.key === 'ceremony' && step.state === 'current' && c.ceremonyDueBy)
    lines.push(t('admission.notes.dueBy', { date: formatDate(c.ceremonyDueBy) }));
  if (step.key === 'ceremony' && c.cardNumber && c.memberId)
    lines.push(
      <Link key="member" to="/members/$memberId" params={{ memberId: c.memberId }}>
        {t('admission.notes.card', { number: c.cardNumber })}
      </Link>,
    );
  if (step.key === 'closed' && c.rejectReason) lines.push(c.rejectReason);
  return (
    <>
      {lines.map((line, i) => (
        <Typography.Text
          key={i}
          type={step.state === 'waiting' ? 'secondary' : undefined}
          style={{ display: 'block', overflowWrap: 'anywhere' }}
        >
          {line}
        </Typography.Text>
      ))}
    </>
  );
}

/** The procedure as antd Steps: done, the next one, waiting, or where it ended. Vertical on phones. */
export function CandidateSteps({ candidate: c }: { candidate: CandidateDetail }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const current = c.steps.findIndex((s) => s.state === 'current' || s.state === 'failed');
  return (
    <Steps
      data-testid="admission-steps"
      orientation={screens.lg ? 'horizontal' : 'vertical'}
      titlePlacement={screens.lg ? 'vertical' : 'horizontal'}
      size="small"
      current={current < 0 ? c.steps.length : current}
      items={c.steps.map((s) => ({
        key: s.key,
        title: t(`admission.steps.${s.key}`),
        status: STATUS[s.state],
        content: <StepNote c={c} step={s} />,
      }))}
    />
  );
}
