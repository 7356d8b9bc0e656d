import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, InputNumber, List, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BranchBook } from '../../../../src/contracts/branch-indicators';
import { PageTitle } from '../../components/page-title';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { DesignationPanel } from './designation-panel';
import { bookFileUrl, branchBookOptions } from './indicator-queries';

const monthText = (m: string | null) => (m ? `${m.slice(5, 7)}/${m.slice(0, 4)}` : '');

function Members({ book }: { book: BranchBook }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={book.members}
      data-testid="book-members"
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={
              <span style={{ overflowWrap: 'anywhere' }}>
                {m.fullName} {m.position && <Tag>{m.position}</Tag>}
                {m.hosted && <Tag color="purple">{t('indicator.book.hosted')}</Tag>}
              </span>
            }
            description={[
              m.birthDate ? `${t('indicator.book.birthDate')}: ${formatDate(m.birthDate)}` : null,
              m.paidUpTo ? t('indicator.book.paidUpTo', { month: monthText(m.paidUpTo) }) : t('indicator.book.notPaid'),
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}

function Meetings({ book }: { book: BranchBook }) {
  const { t } = useTranslation();
  return (
    <List
      size="small"
      dataSource={book.meetings}
      locale={{ emptyText: t('indicator.book.noMeetings') }}
      renderItem={(m) => (
        <List.Item>
          <List.Item.Meta
            title={`${t('indicator.book.period')} ${monthText(m.period)} · ${t(`indicator.book.status.${m.status as 'planned' | 'held' | 'cancelled'}`)}`}
            description={
              <>
                {(m.heldOn ?? m.plannedOn) && <div>{formatDate(m.heldOn ?? m.plannedOn)}</div>}
                {m.topic && <div>{m.topic}</div>}
                {m.status === 'held' && <div>{t('indicator.book.attendanceOf', m)}</div>}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

function Fees({ book }: { book: BranchBook }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph>
        {t('indicator.book.collected', {
          amount: book.fees.collected.toLocaleString('vi-VN'),
          count: book.fees.payments,
        })}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('indicator.book.owing')}</Typography.Title>
      <List
        size="small"
        dataSource={book.fees.owing}
        locale={{ emptyText: t('indicator.book.noOwing') }}
        renderItem={(o) => (
          <List.Item>
            <List.Item.Meta
              title={o.fullName}
              description={`${t('indicator.book.owingMonths', { count: o.months })}${
                o.paidUpTo ? ` · ${t('indicator.book.paidUpTo', { month: monthText(o.paidUpTo) })}` : ''
              }`}
            />
          </List.Item>
        )}
      />
    </>
  );
}

/** The digital branch book of one branch. */
export function BranchBookPage({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(dayjs().year());
  const book = useQuery(branchBookOptions(unitId, year));
  const data = book.data;
  return (
    <>
      <PageTitle
        title={data ? `${t('indicator.book.title')}: ${data.branch.name}` : t('indicator.book.title')}
        extra={
          <>
            <InputNumber
              aria-label={t('indicator.book.year')}
              prefix={t('indicator.book.year')}
              min={1956}
              max={2200}
              value={year}
              onChange={(v) => v && setYear(v)}
              style={{ width: 130 }}
            />
            <Button icon={<DownloadOutlined />} href={bookFileUrl(unitId, year, 'xlsx')} data-testid="book-xlsx">
              {t('indicator.book.downloadXlsx')}
            </Button>
            <Button icon={<DownloadOutlined />} href={bookFileUrl(unitId, year, 'docx')} data-testid="book-docx">
              {t('indicator.book.downloadDocx')}
            </Button>
          </>
        }
      />
      {book.error && <Alert type="error" showIcon title={errorMessage(book.error)} />}
      {data && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('indicator.book.secretary')}>
              {data.secretary ? `${data.secretary.name} (${data.secretary.position})` : t('indicator.book.noSecretary')}
            </Descriptions.Item>
            <Descriptions.Item label={t('indicator.book.parent')}>{data.branch.parentName}</Descriptions.Item>
            <Descriptions.Item label={t('indicator.book.tabs.ratings')}>
              <span data-testid="book-ratings">{data.ratings.note}</span>
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={8} wrap style={{ marginBottom: 8 }}>
            {data.branch.pilot && <Tag color="gold">{t('indicator.book.pilot')}</Tag>}
            {data.branch.remote && <Tag color="blue">{t('indicator.book.remote')}</Tag>}
          </Flex>
          <Tabs
            items={[
              {
                key: 'members',
                label: t('indicator.book.tabs.members', { count: data.members.length }),
                children: <Members book={data} />,
              },
              {
                key: 'meetings',
                label: t('indicator.book.tabs.meetings', { count: data.meetings.length }),
                children: <Meetings book={data} />,
              },
              { key: 'fees', label: t('indicator.book.tabs.fees'), children: <Fees book={data} /> },
              {
                key: 'comments',
                label: t('indicator.book.tabs.comments'),
                children: (
                  <List
                    size="small"
                    dataSource={data.comments}
                    locale={{ emptyText: t('indicator.book.noComments') }}
                    renderItem={(c) => (
                      <List.Item>
                        <List.Item.Meta title={c.fullName} description={c.content} />
                      </List.Item>
                    )}
                  />
                ),
              },
              {
                key: 'ratings',
                label: t('indicator.book.tabs.ratings'),
                children: <Typography.Paragraph type="secondary">{data.ratings.note}</Typography.Paragraph>,
              },
              {
                key: 'designations',
                label: t('indicator.book.tabs.designations'),
                children: <DesignationPanel unitId={unitId} />,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
