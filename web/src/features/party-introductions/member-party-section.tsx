import { Skeleton } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { MemberDetail } from '../../../../src/contracts/members';
import { PageError } from '../../components/page-error';
import { partyListOptions } from './party-api';
import { PartyList } from './party-list';

/** The member's Party introductions, on the member's page. */
export function MemberPartySection({ member }: { member: MemberDetail }) {
  const list = useQuery(partyListOptions({ memberId: member.id }));
  if (list.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (list.error) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return <PartyList items={list.data.items} compact />;
}
