import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '../../../../src/contracts/members';
import { PageError } from '../../components/page-error';
import { disciplineListOptions } from './discipline-api';
import { DisciplineList } from './discipline-list';

/** The member's discipline entries, on the member's page. */
export function MemberDisciplineSection({ member }: { member: MemberDetail }) {
  const list = useQuery(disciplineListOptions({ memberId: member.id }));
  if (list.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return <DisciplineList items={list.data.items} compact />;
}
