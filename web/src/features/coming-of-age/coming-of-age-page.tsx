import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Checkbox, Empty, Flex, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ComingOfAgeItem, ComingOfAgeList, ComingOfAgeRecordDto } from '../../../../src/contracts/coming-of-age';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { api, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useCan, useCurrentUser } from '../auth/current-user';
import { unitDetailOptions } from '../units/unit-queries';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { cardStyle, DocumentButton, UnitYearBar, useIsMobile } from '../member-exits/procedure-ui';
import { comingOfAgeListOptions, useRefreshComingOfAge } from './coming-of-age-api';
import { ExceptionModal } from './exception-modal';
import { ProcessModal } from './process-modal';

function NameLink({ id, name }: { id: string; name: string }) {
  return (
    <Link to="/members/$memberId" params={{ memberId: id }} style={{ fontWeight: 500 }}>
      {name}
    </Link>
  );
}

function ExceptionText({ item }: { item: ComingOfAgeItem }) {
  const { t } = useTranslation();
  const e = item.exception;
  if (!e) return null;
  return (
    <Typography.Text type={e.valid ? undefined : 'secondary'}>
      {t(`comingOfAge.reasonsShort.${e.reason}`)}
      {e.validUntil && ` · ${t('comingOfAge.validUntil')} ${formatDate(e.validUntil)}`}
      {!e.valid && ` (${t('comingOfAge.expired')})`}
    </Typography.Text>
  );
}

function RevokeButton({ item }: { item: ComingOfAgeItem }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const refresh = useRefreshComingOfAge();
  const revoke = useMutation({
    mutationFn: () => api.post(`/coming-of-age/exceptions/${item.exception!.id}/revoke`),
    onSuccess: async () => {
      await refresh();
      void message.success(t('comingOfAge.revoked'));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Button
      size="small"
      loading={revoke.isPending}
      onClick={() =>
        modal.confirm({
          title: t('comingOfAge.revokeConfirm', { name: item.fullName }),
          okText: t('comingOfAge.revoke'),
          cancelText: t('common.cancel'),
          onOk: () => revoke.mutateAsync(),
        })
      }
    >
      {t('comingOfAge.revoke')}
    </Button>
  );
}

interface ListProps {
  items: ComingOfAgeItem[];
  selectable: boolean;
  selected: string[];
  onSelect: (ids: string[]) => void;
  action: (item: ComingOfAgeItem) => ReactNode;
  empty: string;
  testId: string;
}

/** Members of the list: a table with checkboxes on desktop, cards with checkboxes on phones. */
function MemberRows({ items, selectable, selected, onSelect, action, empty, testId }: ListProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const toggle = (id: string, on: boolean) => onSelect(on ? [...selected, id] : selected.filter((s) => s !== id));
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  if (isMobile) {
    return (
      <div data-testid={testId}>
        {items.map((m) => (
          <Flex key={m.memberId} vertical gap={2} style={cardStyle} data-testid="coming-of-age-card">
            <Flex justify="space-between" gap={8} align="start">
              <Flex gap={8} align="start" style={{ minWidth: 0 }}>
                {selectable && (
                  <Checkbox
                    aria-label={m.fullName}
                    checked={selected.includes(m.memberId)}
                    onChange={(e) => toggle(m.memberId, e.target.checked)}
                  />
                )}
                <span style={{ overflowWrap: 'anywhere' }}>
                  <NameLink id={m.memberId} name={m.fullName} />
                </span>
              </Flex>
              {m.overdue && <Tag color="orange">{t('comingOfAge.overdue')}</Tag>}
            </Flex>
            <Typography.Text type="secondary">
              {formatDate(m.birthDate)} · {m.unitName}
            </Typography.Text>
            <ExceptionText item={m} />
            <Flex gap={8}>{action(m)}</Flex>
          </Flex>
        ))}
      </div>
    );
  }
  return (
    <Table<ComingOfAgeItem>
      rowKey="memberId"
      size="small"
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={testId}
      rowSelection={
        selectable
          ? { selectedRowKeys: selected, onChange: (keys) => onSelect(keys.map(String)), columnWidth: 40 }
          : undefined
      }
      columns={[
        {
          key: 'name',
          title: t('procedures.member'),
          render: (_, m) => <NameLink id={m.memberId} name={m.fullName} />,
        },
        { key: 'birth', title: t('comingOfAge.birthDate'), render: (_, m) => formatDate(m.birthDate) },
        {
          key: 'turns',
          title: t('comingOfAge.turnsOn'),
          render: (_, m) => (
            <>
              {formatDate(m.turnsOn)} {m.overdue && <Tag color="orange">{t('comingOfAge.overdue')}</Tag>}
            </>
          ),
        },
        { key: 'unit', title: t('procedures.branch'), dataIndex: 'unitName' },
        { key: 'exception', title: t('comingOfAge.exceptionColumn'), render: (_, m) => <ExceptionText item={m} /> },
        { key: 'actions', title: t('procedures.actions'), render: (_, m) => action(m) },
      ]}
    />
  );
}

function ProcessedRows({ items }: { items: ComingOfAgeRecordDto[] }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('comingOfAge.emptyProcessed')} />;
  if (isMobile)
    return (
      <div data-testid="coming-of-age-processed">
        {items.map((r) => (
          <Flex key={r.recordId} vertical gap={4} style={cardStyle}>
            <NameLink id={r.memberId} name={r.fullName} />
            <Typography.Text type="secondary">
              {formatDate(r.ceremonyOn)} · {r.unitName}
            </Typography.Text>
            <DocumentButton doc={r.certificate} block />
          </Flex>
        ))}
      </div>
    );
  return (
    <Table<ComingOfAgeRecordDto>
      rowKey="recordId"
      size="small"
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="coming-of-age-processed"
      columns={[
        {
          key: 'name',
          title: t('procedures.member'),
          render: (_, r) => <NameLink id={r.memberId} name={r.fullName} />,
        },
        { key: 'birth', title: t('comingOfAge.birthDate'), render: (_, r) => formatDate(r.birthDate) },
        { key: 'unit', title: t('procedures.branch'), dataIndex: 'unitName' },
        { key: 'ceremony', title: t('comingOfAge.ceremonyOn'), render: (_, r) => formatDate(r.ceremonyOn) },
        {
          key: 'certificate',
          title: t('comingOfAge.certificate'),
          render: (_, r) => <DocumentButton doc={r.certificate} />,
        },
      ]}
    />
  );
}

function Lists({ data, tab, onTab }: { data: ComingOfAgeList; tab: string; onTab: (tab: string) => void }) {
  const { t } = useTranslation();
  const [selected, setSelected] = useState<string[]>([]);
  const [keeping, setKeeping] = useState<ComingOfAgeItem | null>(null);
  const [processing, setProcessing] = useState(false);
  const chosen = data.due.filter((m) => selected.includes(m.memberId));
  const keep = (m: ComingOfAgeItem) =>
    data.canProcess && (
      <Button size="small" onClick={() => setKeeping(m)}>
        {t('comingOfAge.keep')}
      </Button>
    );
  return (
    <>
      {data.canProcess && tab === 'due' && data.due.length > 0 && (
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('comingOfAge.selected', { n: chosen.length })}</Typography.Text>
          <Button
            type="primary"
            disabled={chosen.length === 0}
            onClick={() => setProcessing(true)}
            data-testid="coming-of-age-process-open"
          >
            {t('comingOfAge.process')}
          </Button>
        </Flex>
      )}
      <Tabs
        activeKey={tab}
        onChange={onTab}
        items={[
          {
            key: 'due',
            label: t('comingOfAge.due', { n: data.due.length }),
            children: (
              <MemberRows
                items={data.due}
                selectable={data.canProcess}
                selected={selected}
                onSelect={setSelected}
                action={keep}
                empty={t('comingOfAge.emptyDue')}
                testId="coming-of-age-due"
              />
            ),
          },
          {
            key: 'excepted',
            label: t('comingOfAge.excepted', { n: data.excepted.length }),
            children: (
              <MemberRows
                items={data.excepted}
                selectable={false}
                selected={[]}
                onSelect={() => undefined}
                action={(m) => data.canProcess && m.exception && <RevokeButton item={m} />}
                empty={t('comingOfAge.emptyExcepted')}
                testId="coming-of-age-excepted"
              />
            ),
          },
          {
            key: 'processed',
            label: t('comingOfAge.processed', { n: data.processed.length }),
            children: <ProcessedRows items={data.processed} />,
          },
        ]}
      />
      {keeping && (
        <ExceptionModal item={keeping} extensionMaxAge={data.extensionMaxAge} onClose={() => setKeeping(null)} />
      )}
      {processing && data.grassroots && (
        <ProcessModal
          unitId={data.grassroots.id}
          year={data.year}
          ceremonyDates={data.ceremonyDates}
          members={chosen}
          onDone={() => {
            setSelected([]);
            onTab('processed');
          }}
          onClose={() => setProcessing(false)}
        />
      )}
    </>
  );
}

/** Trưởng thành đoàn: the yearly list of a unit, exceptions, processing with certificates. */
export function ComingOfAgePage({
  search,
  onSearch,
}: {
  search: UnitYearSearch;
  onSearch: (s: UnitYearSearch) => void;
}) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const year = search.year ?? new Date().getFullYear();
  const tab = search.tab ?? 'due';
  const unit = useQuery({ ...unitDetailOptions(unitId), enabled: canRead && Boolean(unitId) });
  const list = useQuery({ ...comingOfAgeListOptions(unitId, year), enabled: canRead && Boolean(unitId) });
  if (!canRead) return <Forbidden />;
  const data = list.data;

  return (
    <>
      <PageTitle title={t('comingOfAge.title')} />
      <Typography.Paragraph type="secondary">
        {t('comingOfAge.hint', { age: data?.age ?? 30, year })}
      </Typography.Paragraph>
      <UnitYearBar
        unitName={unit.data?.name}
        onUnit={(id) => onSearch({ ...search, unitId: id })}
        year={year}
        onYear={(y) => onSearch({ ...search, year: y })}
      />
      {unit.data && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="procedure-unit">
          {unit.data.name}
        </Typography.Title>
      )}
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          {!data.grassroots && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('comingOfAge.aboveGrassroots')} />
          )}
          {data.grassroots && !data.canProcess && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('comingOfAge.readOnly', { name: data.grassroots.name })}
            />
          )}
          {data.truncated && (
            <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('procedures.truncated')} />
          )}
          <Lists key={`${unitId}-${year}`} data={data} tab={tab} onTab={(next) => onSearch({ ...search, tab: next })} />
        </>
      )}
    </>
  );
}
