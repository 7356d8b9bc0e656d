import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SurveySummary } from '../../../../src/contracts/surveys';
import { formatDate } from '../../lib/dates';

const WINDOW_COLORS = { draft: 'default', not_yet_open: 'gold', open: 'green', closed: 'default' } as const;

/** The answer window of a survey as a coloured tag (draft, not open yet, taking answers, closed). */
export function WindowTag({ window }: { window: SurveySummary['window'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={WINDOW_COLORS[window]} data-testid="survey-window">
      {t(`survey.windows.${window}`)}
    </Tag>
  );
}

/** Anonymous or named. */
export function AnonymousTag({ anonymous }: { anonymous: boolean }) {
  const { t } = useTranslation();
  return <Tag color={anonymous ? 'purple' : 'blue'}>{t(anonymous ? 'survey.anonymous' : 'survey.named')}</Tag>;
}

/** "Từ 01/03/2026 đến 31/03/2026", or the part that is set. */
export function SurveyDates({ opensOn, closesOn }: { opensOn: string | null; closesOn: string | null }) {
  const { t } = useTranslation();
  const parts = [
    opensOn ? t('survey.from', { date: formatDate(opensOn) }) : null,
    closesOn ? t('survey.until', { date: formatDate(closesOn) }) : null,
  ].filter(Boolean);
  return <>{parts.join(' ')}</>;
}
