import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CardStatus } from '../../../../src/domain/workflows/member-card';

const COLORS: Record<CardStatus, string> = { active: 'green', replaced: 'default', revoked: 'red' };

/** A card's status as a coloured tag. */
export function CardStatusTag({ status }: { status: CardStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(`memberCard.statuses.${status}`)}
    </Tag>
  );
}
