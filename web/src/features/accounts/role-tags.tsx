import { Flex, Tag } from 'antd';
import type { RoleAssignmentDto } from '../../../../src/contracts/accounts';
import { useLabels } from '../units/labels';

const COLORS: Record<RoleAssignmentDto['role'], string> = {
  system_admin: 'magenta',
  unit_admin: 'blue',
  cadre: 'cyan',
  viewer: 'default',
  member: 'green',
};

/** The account's current roles as "Vai trò @ Đơn vị" tags. */
export function RoleTags({ roles }: { roles: RoleAssignmentDto[] }) {
  const labels = useLabels();
  const current = roles.filter((r) => !r.revokedAt);
  return (
    <Flex wrap gap={4}>
      {current.map((r) => (
        <Tag key={r.id} color={COLORS[r.role]} style={{ whiteSpace: 'normal', marginInlineEnd: 0 }}>
          {labels.role(r.role)} @ {r.unitName}
        </Tag>
      ))}
    </Flex>
  );
}
