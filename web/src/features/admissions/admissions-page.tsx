import { useEffect, useState } from 'react';
import { Alert, Button, Card, Flex, Grid, Input, Select, Tabs, Typography } from 'antd';
import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ADMISSION_STATUSES, type AdmissionStatus } from '../../../../src/domain/workflows/admission';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { UnitPicker } from '../../components/unit-picker';
import { unitDetailOptions, useUnitKinds } from '../units/unit-queries';
import { AdmissionList } from './admission-list';
import { admissionListOptions } from './admission-queries';
import { BatchModal } from './batch-modals';
import { CandidateFormDrawer } from './candidate-form-drawer';
import { RecruitmentCreditCard } from './recruitment-credit';

/** Where the list is: a unit, an optional status. */
export interface AdmissionsSearch {
  unitId?: string;
  status?: AdmissionStatus;
}

interface Props {
  unitId: string;
  status?: AdmissionStatus;
  onSearch: (search: AdmissionsSearch) => void;
}

/** "Kết nạp đoàn viên": candidates of a unit by step with counts, proposals, batch approval and ceremony, "1+1". */
export function AdmissionsPage({ unitId, status, onSearch }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const { byCode } = useUnitKinds();
  const unit = useQuery(unitDetailOptions(unitId));
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [batch, setBatch] = useState<'approve' | 'admit' | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useInfiniteQuery(admissionListOptions(unitId, status, q));
  const navigate = useNavigate();

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(search.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [search]);
  useEffect(() => setSelected([]), [unitId, status, q]);

  if (unit.error) return <PageError error={unit.error} onRetry={() => void unit.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts;
  const all = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const selectable = status === 'voted' ? 'approve' : status === 'approved' ? 'admit' : null;
  const picked = rows.filter((r) => selected.includes(r.id));
  const canWrite = unit.data?.actions.includes('member.write') ?? false;
  const isBranch = Boolean(unit.data && byCode.get(unit.data.kind)?.isLeaf);
  const statusItems = [
    { key: 'all', label: `${t('admission.all')} (${all})` },
    ...ADMISSION_STATUSES.map((s) => ({ key: s, label: `${t(`admission.statuses.${s}`)} (${counts?.[s] ?? 0})` })),
  ];
  const pickStatus = (key: string) =>
    onSearch({ unitId, status: key === 'all' ? undefined : (key as AdmissionStatus) });

  return (
    <>
      <PageTitle
        title={t('admission.title')}
        extra={
          <>
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('admission.create')}
              </Button>
            )}
            <Button
              icon={<IdcardOutlined />}
              onClick={() => void navigate({ to: '/units/$unitId/cards', params: { unitId } })}
            >
              {t('admission.cardsLink')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8} align="center" justify="space-between">
          <Typography.Text>
            {t('admission.unit')}:{' '}
            <Typography.Text strong data-testid="admission-unit">
              {unit.data?.name ?? ''}
            </Typography.Text>
          </Typography.Text>
          <div style={{ width: isMobile ? '100%' : 320 }}>
            <UnitPicker
              aria-label={t('admission.changeUnit')}
              placeholder={t('admission.changeUnit')}
              onChange={(id) => id && onSearch({ unitId: id, status })}
            />
          </div>
        </Flex>
      </Card>
      <Card size="small" style={{ marginBottom: 16 }}>
        {isMobile ? (
          <Select<string>
            aria-label={t('admission.fields.status')}
            value={status ?? 'all'}
            onChange={pickStatus}
            options={statusItems.map((i) => ({ value: i.key, label: i.label }))}
            style={{ width: '100%', marginBottom: 12 }}
          />
        ) : (
          <Tabs activeKey={status ?? 'all'} onChange={pickStatus} items={statusItems} />
        )}
        <Input.Search
          allowClear
          role="searchbox"
          aria-label={t('common.search')}
          placeholder={t('admission.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ marginBottom: 12, maxWidth: isMobile ? undefined : 360 }}
        />
        {selectable && rows.some((r) => r.actions.includes(selectable)) && (
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Alert type="info" showIcon title={t('admission.selectHint')} style={{ flex: '1 1 240px' }} />
            <Button
              type="primary"
              disabled={picked.length === 0}
              onClick={() => setBatch(selectable)}
              data-testid="batch-open"
            >
              {selectable === 'approve'
                ? t('admission.actions.approveBatch', { n: picked.length })
                : t('admission.actions.admitBatch', { n: picked.length })}
            </Button>
          </Flex>
        )}
        {list.error ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <AdmissionList
            rows={rows}
            total={list.data?.pages[0]?.total ?? 0}
            isMobile={isMobile}
            loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
            hasMore={list.hasNextPage}
            loadingMore={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
            selectable={selectable}
            selected={selected}
            onSelect={setSelected}
          />
        )}
      </Card>
      <RecruitmentCreditCard unitId={unitId} />
      {batch && (
        <BatchModal
          kind={batch}
          items={picked}
          onClose={() => setBatch(null)}
          onDone={() => {
            setBatch(null);
            setSelected([]);
          }}
        />
      )}
      {creating && (
        <CandidateFormDrawer
          mode="create"
          defaultBranch={isBranch && unit.data ? { id: unit.data.id, name: unit.data.name } : undefined}
          onClose={() => setCreating(false)}
          onSaved={(c) => void navigate({ to: '/admissions/$candidateId', params: { candidateId: c.id } })}
        />
      )}
    </>
  );
}
