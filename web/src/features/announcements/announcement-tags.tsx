import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnnouncementStatus } from '../../../../src/domain/branch-life/announcement';

const COLORS: Record<AnnouncementStatus, string> = { draft: 'gold', published: 'green', withdrawn: 'default' };

/** The status of an announcement as a coloured tag. */
export function AnnouncementStatusTag({ status }: { status: AnnouncementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} data-testid="announcement-status">
      {t(`announcement.status.${status}`)}
    </Tag>
  );
}

/** "Sent" or "from above" as a tag. */
export function DirectionTag({ direction }: { direction: 'sent' | 'received' }) {
  const { t } = useTranslation();
  return <Tag color={direction === 'sent' ? 'blue' : 'purple'}>{t(`announcement.direction.${direction}`)}</Tag>;
}

/**
 * The text of an announcement: plain text with its line breaks kept. React escapes it, so markup typed into an
 * announcement shows as text and never runs.
 */
export function AnnouncementBody({ body }: { body: string }) {
  return (
    <Typography.Paragraph
      style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 15, lineHeight: 1.7 }}
      data-testid="announcement-body"
    >
      {body}
    </Typography.Paragraph>
  );
}
