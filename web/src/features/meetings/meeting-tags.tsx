import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MeetingSummary } from '../../../../src/contracts/meetings';

const COLORS = { planned: 'blue', held: 'green', cancelled: 'default' } as const;

/** The status of a meeting as a coloured tag. */
export function MeetingStatusTag({ status }: { status: MeetingSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="meeting-status">
      {t(`meeting.statuses.${status}`)}
    </Tag>
  );
}

/** "MM/YYYY" of a period. */
export function periodLabel(period: string): string {
  return `${period.slice(5, 7)}/${period.slice(0, 4)}`;
}
