import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Grid, Progress, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AnnouncementDetail, MemberRead, ReadGroup } from '../../../../src/contracts/announcements';
import { PageError } from '../../components/page-error';
import { formatDateTime } from '../../lib/dates';
import { announcementReadsOptions } from './announcement-queries';
import { ReadShare } from './announcement-list';

const rowStyle = { padding: '8px 0', borderBottom: '1px solid #f0f0f0' } as const;

function GroupRows({ groups, rootId, onOpen }: { groups: ReadGroup[]; rootId: string; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const isMobile = !Grid.useBreakpoint().md;
  const name = (g: ReadGroup) =>
    g.unitId === rootId ? (
      <Typography.Text>{g.unitName}</Typography.Text>
    ) : (
      <Button
        type="link"
        style={{
          padding: 0,
          height: 'auto',
          whiteSpace: 'normal',
          textAlign: 'left',
          justifyContent: 'flex-start',
          alignSelf: 'flex-start',
        }}
        onClick={() => onOpen(g.unitId)}
      >
        {g.unitName}
      </Button>
    );
  if (isMobile)
    return (
      <div data-testid="read-groups">
        {groups.map((g) => (
          <Flex key={g.unitId} vertical gap={2} style={rowStyle} data-testid="read-group">
            {name(g)}
            <ReadShare {...g} />
          </Flex>
        ))}
      </div>
    );
  return (
    <Table<ReadGroup>
      rowKey="unitId"
      size="small"
      pagination={false}
      dataSource={groups}
      data-testid="read-groups"
      columns={[
        { title: t('announcement.reads.unit'), key: 'unit', render: (_, g) => name(g) },
        { title: t('announcement.reads.members'), dataIndex: 'audience', width: 110, align: 'right' },
        { title: t('announcement.reads.read'), dataIndex: 'read', width: 100, align: 'right' },
        {
          title: t('announcement.reads.share'),
          key: 'share',
          width: 220,
          render: (_, g) => <Progress percent={g.percent} size="small" />,
        },
      ]}
    />
  );
}

function MemberRows({ members }: { members: MemberRead[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="read-members">
      {members.map((m) => (
        <Flex key={m.memberId} justify="space-between" wrap gap={8} style={rowStyle} data-testid="read-member">
          <Typography.Text style={{ overflowWrap: 'anywhere' }}>{m.fullName}</Typography.Text>
          {m.readAt ? (
            <Typography.Text type="success">{formatDateTime(m.readAt)}</Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('announcement.reads.notRead')}</Typography.Text>
          )}
        </Flex>
      ))}
    </div>
  );
}

/** Read tracking for cadres: per unit below (click one to go down), per member for a branch. */
export function ReadTracking({ announcement }: { announcement: AnnouncementDetail }) {
  const { t } = useTranslation();
  const [unitId, setUnitId] = useState<string | undefined>(undefined);
  const reads = useQuery(announcementReadsOptions(announcement.id, unitId));
  const data = reads.data;
  const parent = data?.trail.at(-1);
  return (
    <Card title={t('announcement.reads.title')} size="small" data-testid="read-tracking">
      {announcement.status === 'draft' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('announcement.reads.draftNote')} />
      )}
      {reads.error && <PageError error={reads.error} onRetry={() => void reads.refetch()} />}
      {data && (
        <Flex vertical gap={8}>
          {parent && (
            <Button
              icon={<ArrowLeftOutlined />}
              style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
              onClick={() => setUnitId(parent.id)}
            >
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {t('announcement.reads.up', { name: parent.name })}
              </span>
            </Button>
          )}
          <Typography.Title level={5} style={{ margin: 0 }} data-testid="read-unit">
            {data.unit.name}
          </Typography.Title>
          <Typography.Text strong data-testid="read-total">
            {t('announcement.reads.total', { read: data.read, audience: data.audience, percent: data.percent })}
          </Typography.Text>
          <Progress percent={data.percent} />
          {data.audience === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('announcement.reads.empty')} />
          ) : data.mode === 'groups' ? (
            <GroupRows groups={data.groups} rootId={data.unit.id} onOpen={setUnitId} />
          ) : (
            <MemberRows members={data.members} />
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('announcement.reads.note')}
          </Typography.Text>
        </Flex>
      )}
    </Card>
  );
}
