import { Tag } from 'antd';
import type { MemberStatus } from '../../../../src/domain/members/reference-lists';
import { STATUS_COLORS, useMemberLabels } from './member-labels';

/** A member's status as a coloured tag. */
export function MemberStatusTag({ status }: { status: MemberStatus }) {
  const labels = useMemberLabels();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="member-status">
      {labels.status(status)}
    </Tag>
  );
}
