import { useState } from 'react';
import { Alert, Button, Card, Col, Flex, Row, Skeleton, Space, Tabs, Typography } from 'antd';
import { EditOutlined, IdcardOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { SelfProfile } from '../../../../src/contracts/self-service';
import { PageError } from '../../components/page-error';
import { MyEvaluationsNotice } from '../evaluations/my-evaluations-notice';
import { MyFeesCard } from '../fees/my-fees-card';
import { PageTitle } from '../../components/page-title';
import { MemberComments } from '../members/member-comments';
import { MemberSections } from '../members/member-sections';
import { MemberStatusTag } from '../members/member-status-tag';
import { MemberTimeline } from '../members/member-timeline';
import { ChangeList } from './change-list';
import { ContactFormModal } from './contact-form-modal';
import { IdentityRequestModal } from './identity-request-modal';
import { MyRequests, WithdrawButton } from './my-requests';
import { ownProfileOptions } from './self-service-queries';

/** The two ways to change the record: contact fields at once, identity fields through the branch. */
function UpdateCard({ profile }: { profile: SelfProfile }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'contact' | 'identity' | null>(null);
  const pending = profile.requests.find((r) => r.status === 'pending');
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('selfService.profile.contactTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('selfService.profile.contactHint')}</Typography.Paragraph>
          <Button icon={<EditOutlined />} onClick={() => setOpen('contact')}>
            {t('selfService.profile.editContact')}
          </Button>
        </Col>
        <Col xs={24} md={12}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('selfService.profile.identityTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('selfService.profile.identityHint')}</Typography.Paragraph>
          <Button icon={<SendOutlined />} disabled={Boolean(pending)} onClick={() => setOpen('identity')}>
            {t('selfService.profile.requestChange')}
          </Button>
        </Col>
      </Row>
      {open === 'contact' && <ContactFormModal profile={profile} onClose={() => setOpen(null)} />}
      {open === 'identity' && <IdentityRequestModal profile={profile} onClose={() => setOpen(null)} />}
    </Card>
  );
}

/** "Hồ sơ của tôi": the member's own record, its history, the ways to correct it and the requests sent. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const { data: profile, error, isPending, refetch } = useQuery(ownProfileOptions);
  if (isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (error || !profile) return <PageError error={error} onRetry={() => void refetch()} />;
  const pending = profile.requests.find((r) => r.status === 'pending');

  return (
    <>
      <PageTitle
        title={
          <Space wrap size={8}>
            <span data-testid="member-name">{profile.fullName}</span>
            <MemberStatusTag status={profile.status} />
          </Space>
        }
        extra={
          <Link to="/me/card">
            <Button type="primary" icon={<IdcardOutlined />}>
              {t('selfService.profile.viewCard')}
            </Button>
          </Link>
        }
      />
      {pending && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="pending-request"
          title={t('selfService.request.pendingTitle')}
          description={
            <Flex vertical gap={8} align="start">
              <ChangeList request={pending} />
              <WithdrawButton request={pending} />
            </Flex>
          }
        />
      )}
      <MyEvaluationsNotice />
      <UpdateCard profile={profile} />
      <div style={{ marginBottom: 16 }}>
        <MyFeesCard />
      </div>
      <Card size="small">
        <Tabs
          items={[
            { key: 'record', label: t('selfService.profile.record'), children: <MemberSections member={profile} /> },
            {
              key: 'requests',
              label: t('selfService.profile.requests'),
              children: <MyRequests requests={profile.requests} />,
            },
            { key: 'timeline', label: t('member.profile.timeline'), children: <MemberTimeline member={profile} /> },
            { key: 'comments', label: t('member.profile.comments'), children: <MemberComments member={profile} /> },
          ]}
        />
      </Card>
    </>
  );
}
