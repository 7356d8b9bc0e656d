import { Tag } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ProgrammeKey } from '../../../../src/domain/evaluations/programmes';
import type { StepKey, StepStatus } from '../../../../src/domain/evaluations/cycle-steps';
import { STATUSES } from './evaluation-events';

/** The programmes shipped with the system, "Đoàn cơ sở 3 chủ động" first (the dashboard's default). */
export const PROGRAMMES = [
  'grassroots3Proactive',
  'memberRating',
  'branchRating',
  'grassrootsRating',
  'exemplaryBranch',
] as const satisfies readonly ProgrammeKey[];

/** The programme the dashboard opens on. */
export const DEFAULT_PROGRAMME: ProgrammeKey = 'grassroots3Proactive';

export { STATUSES, STEPS } from './evaluation-events';
/** Actions recorded in an evaluation's history that the catalogue names. */
const EVENT_ACTIONS = [
  'open',
  'saveSelf',
  'submit',
  'review',
  'approve',
  'return',
  'reopen',
  'accept',
  'followUp',
  'file',
  'sample',
] as const;
type EventAction = (typeof EVENT_ACTIONS)[number];

const isProgramme = (key: string): key is ProgrammeKey => (PROGRAMMES as readonly string[]).includes(key);

/** The name of a programme; the server's title for one the catalogue does not know. */
export function programmeLabel(t: TFunction, key: string, fallback?: string): string {
  return isProgramme(key) ? t(`evaluation.programmes.${key}`) : (fallback ?? key);
}

/** Select options of the programmes. */
export const programmeOptions = (t: TFunction) => PROGRAMMES.map((p) => ({ value: p, label: programmeLabel(t, p) }));

/** The name of a step. */
export const stepLabel = (t: TFunction, step: StepKey) => t(`evaluation.steps.${step}`);

/** The name of a state. */
export const statusLabel = (t: TFunction, status: StepStatus) => t(`evaluation.status.${status}`);

/** The name of an action in the history. */
export function eventLabel(t: TFunction, action: string): string {
  return (EVENT_ACTIONS as readonly string[]).includes(action)
    ? t(`evaluation.events.${action as EventAction}`)
    : action;
}

const STATUS_COLORS: Record<StepStatus, string> = {
  waiting: 'default',
  ready: 'blue',
  submitted: 'gold',
  returned: 'red',
  approved: 'green',
  accepted: 'cyan',
};

/** A subject's state at its step as a coloured tag. */
export function StatusTag({ status }: { status: StepStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="evaluation-status">
      {statusLabel(t, status)}
    </Tag>
  );
}

/** "Trễ hạn" in red. */
export function LateTag() {
  const { t } = useTranslation();
  return <Tag color="red">{t('evaluation.late')}</Tag>;
}

/** Select options of the steps of a cycle. */
export const stepOptions = (t: TFunction, steps: readonly StepKey[]) =>
  steps.map((s) => ({ value: s, label: stepLabel(t, s) }));

/** Select options of every state. */
export const statusOptions = (t: TFunction) => STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }));

/** "75,5" for a score; "—" without one. */
export function scoreText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(value);
}

/** "96,5%" for a share (0–1); "—" without one. */
export function shareText(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(value * 100)}%`;
}
