import { useState } from 'react';
import { Alert, Breadcrumb, Button, Card, Skeleton, Space, Tabs, Tag } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { MemberDetail } from '../../../../src/contracts/members';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCurrentUser } from '../auth/current-user';
import { memberDetailOptions } from './member-queries';
import { MemberStatusTag } from './member-status-tag';
import { MemberSections } from './member-sections';
import { MemberTimeline } from './member-timeline';
import { MemberComments } from './member-comments';
import { MemberFormDrawer } from './member-form-drawer';
import { MemberCardsSection } from '../member-cards/member-cards-section';
import { MemberSelfServiceActions } from '../self-service/member-self-service-actions';
import { MemberTransferButton, MemberTransferNotice } from '../transfers/member-transfer-action';
import { MemberProcedureMenu, memberProcedureTabs } from '../member-exits/member-procedure-menu';

/** The path of the member's branch; units above the account's scope are names only. */
function MemberBreadcrumb({ member }: { member: MemberDetail }) {
  const me = useCurrentUser();
  const rootIds = new Set(me.scopeRoots.map((r) => r.id));
  const firstInScope = member.unitPath.findIndex((u) => rootIds.has(u.id));
  const last = member.unitPath.length - 1;
  return (
    <Breadcrumb
      data-testid="member-breadcrumb"
      style={{ marginBottom: 12 }}
      items={member.unitPath.map((u, i) => ({
        key: u.id,
        title:
          firstInScope >= 0 && i >= firstInScope ? (
            i === last ? (
              <Link to="/units/$unitId/members" params={{ unitId: u.id }}>
                {u.name}
              </Link>
            ) : (
              <Link to="/units/$unitId" params={{ unitId: u.id }}>
                {u.name}
              </Link>
            )
          ) : (
            <span>{u.name}</span>
          ),
      }))}
    />
  );
}

/** A member's profile: record sections, history and yearly assessments; "Sửa hồ sơ" for cadres. */
export function MemberPage({ memberId }: { memberId: string }) {
  const { t } = useTranslation();
  const { data: member, error, isPending, refetch } = useQuery(memberDetailOptions(memberId));
  const [editing, setEditing] = useState(false);

  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !member) return <PageError error={error} onRetry={() => void refetch()} />;
  const canWrite = member.actions.includes('member.write');
  const masked = !member.actions.includes('member.personal') && Boolean(member.cccd || member.phone);

  return (
    <>
      <MemberBreadcrumb member={member} />
      <PageTitle
        title={
          <Space wrap size={8} data-testid="member-header">
            <span data-testid="member-name">{member.fullName}</span>
            <MemberStatusTag status={member.status} />
            {member.partyMember && <Tag color="red">{t('member.list.partyTag')}</Tag>}
          </Space>
        }
        extra={
          <>
            <MemberSelfServiceActions member={member} />
            <MemberTransferButton member={member} />
            <MemberProcedureMenu member={member} />
            {canWrite && (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('member.profile.edit')}
              </Button>
            )}
          </>
        }
      />
      <MemberTransferNotice member={member} />
      {masked && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('member.profile.maskedHint')} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <MemberSections member={member} />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            { key: 'timeline', label: t('member.profile.timeline'), children: <MemberTimeline member={member} /> },
            { key: 'comments', label: t('member.profile.comments'), children: <MemberComments member={member} /> },
            ...memberProcedureTabs(member, { discipline: t('discipline.title'), party: t('partyIntro.memberTab') }),
            { key: 'cards', label: t('memberCard.section'), children: <MemberCardsSection memberId={member.id} /> },
          ]}
        />
      </Card>
      {editing && <MemberFormDrawer mode="update" member={member} onClose={() => setEditing(false)} />}
    </>
  );
}
