import { Tag } from 'antd';
import type { ChangeRequestStatus } from '../../../../src/domain/members/self-service';
import { REQUEST_STATUS_COLORS, useSelfServiceLabels } from './self-service-labels';

/** A change request's status as a coloured tag. */
export function RequestStatusTag({ status }: { status: ChangeRequestStatus }) {
  const labels = useSelfServiceLabels();
  return (
    <Tag color={REQUEST_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="request-status">
      {labels.status(status)}
    </Tag>
  );
}
