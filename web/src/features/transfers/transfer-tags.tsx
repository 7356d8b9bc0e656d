import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferKind, TransferStatus } from '../../../../src/domain/workflows/transfer';
import { formatDate } from '../../lib/dates';

/** Tag colours of the transfer statuses. */
export const TRANSFER_STATUS_COLORS: Record<TransferStatus, string> = {
  draft: 'default',
  sent: 'blue',
  accepted: 'green',
  returned: 'orange',
  cancelled: 'default',
  ended: 'purple',
};

/** A transfer's status, and "Quá hạn" in red when it is overdue. */
export function TransferStatusTags({
  kind,
  status,
  overdue,
}: {
  kind: TransferKind;
  status: TransferStatus;
  overdue: boolean;
}) {
  const { t } = useTranslation();
  const label =
    kind === 'temporary' && (status === 'sent' || status === 'accepted')
      ? t(`transfer.temporaryStatuses.${status}`)
      : t(`transfer.statuses.${status}`);
  return (
    <Flex wrap gap={4} data-testid="transfer-status">
      <Tag color={TRANSFER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
        {label}
      </Tag>
      {overdue && (
        <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="transfer-overdue">
          {t('transfer.overdue')}
        </Tag>
      )}
    </Flex>
  );
}

/** "01/05/2026 – 31/10/2026". */
export function periodText(startsOn: string | null, endsOn: string | null): string {
  return [formatDate(startsOn), formatDate(endsOn)].filter(Boolean).join(' – ');
}

/** "05/2026" from "2026-05". */
export function monthText(month: string | null): string {
  if (!month) return '';
  const [y, m] = month.split('-');
  return `${m}/${y}`;
}
