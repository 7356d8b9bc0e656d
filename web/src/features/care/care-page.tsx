import { useEffect, useState } from 'react';
import { Alert, Button, Col, Input, Row, Select, Skeleton, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CARE_CATEGORIES, type CareCategory } from '../../../../src/domain/branch-life/care';
import { Forbidden, PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { useCan, useCurrentUser } from '../auth/current-user';
import type { UnitYearSearch } from '../member-exits/procedure-search';
import { UnitYearBar } from '../member-exits/procedure-ui';
import { CareDetailDrawer } from './care-detail-drawer';
import { CareFormDrawer } from './care-form-drawer';
import { CareList } from './care-list';
import { careListOptions, careSummaryOptions, type CareFilter } from './care-queries';
import { CareSuggestionsDrawer } from './care-suggestions';
import { CareChildren, CareSummaryCards } from './care-summary';

type Status = CareFilter['status'];
type Who = NonNullable<CareFilter['who']>;

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** Care lists of a unit: counts per category, suggestions, the list, adding people and recording help. */
export function CarePage({ search, onSearch }: { search: UnitYearSearch; onSearch: (next: UnitYearSearch) => void }) {
  const { t } = useTranslation();
  const canRead = useCan('member.read');
  const firstRoot = useCurrentUser().scopeRoots[0];
  const unitId = search.unitId ?? firstRoot?.id ?? '';
  const year = search.year ?? new Date().getFullYear();
  const [category, setCategory] = useState<CareCategory | undefined>();
  const [status, setStatus] = useState<Status>('open');
  const [who, setWho] = useState<Who | undefined>();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [adding, setAdding] = useState(false);
  const [suggesting, setSuggesting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const summary = useQuery({ ...careSummaryOptions(unitId, year), enabled: canRead && Boolean(unitId) });
  const list = useInfiniteQuery({
    ...careListOptions({ unitId, year, status, category, who, q: q || undefined }),
    enabled: canRead && Boolean(unitId),
  });
  if (!canRead) return <Forbidden />;
  const s = summary.data;
  const unit = s ? s.unit : { id: unitId, name: firstRoot?.name ?? '' };
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const exportUrl = `/api/care-records.xlsx?${new URLSearchParams({ unitId, year: String(year), status, ...(category ? { category } : {}), ...(who ? { who } : {}) }).toString()}`;

  return (
    <>
      <PageTitle
        title={t('care.title')}
        extra={
          <>
            <Button icon={<DownloadOutlined />} href={exportUrl} disabled={!unitId}>
              {t('care.export')}
            </Button>
            {s?.canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="care-add">
                {t('care.add')}
              </Button>
            )}
          </>
        }
      />
      <Typography.Paragraph type="secondary">{t('care.hint')}</Typography.Paragraph>
      <UnitYearBar
        unitName={s?.unit.name}
        onUnit={(id) => onSearch({ ...search, unitId: id })}
        year={year}
        onYear={(y) => onSearch({ ...search, year: y })}
      />
      {s && (
        <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="care-unit">
          {s.unit.name}
        </Typography.Title>
      )}
      {summary.error ? (
        <PageError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : !s ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : (
        <>
          <CareSummaryCards summary={s} category={category} onCategory={setCategory} />
          {s.suggestions > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('care.suggestions.alert', { n: s.suggestions })}
              action={
                <Button size="small" onClick={() => setSuggesting(true)} data-testid="care-suggestions-open">
                  {t('care.suggestions.open')}
                </Button>
              }
            />
          )}
        </>
      )}
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} md={8}>
          <Input.Search
            allowClear
            placeholder={t('care.filters.search')}
            aria-label={t('care.filters.search')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Col>
        <Col xs={24} sm={8} md={6}>
          <Select<CareCategory | ''>
            style={{ width: '100%' }}
            aria-label={t('care.filters.category')}
            value={category ?? ''}
            onChange={(v) => setCategory(v || undefined)}
            options={[
              { value: '', label: t('care.filters.allCategories') },
              ...CARE_CATEGORIES.map((c) => ({ value: c, label: t(`care.categories.${c}`) })),
            ]}
          />
        </Col>
        <Col xs={12} sm={8} md={5}>
          <Select<Who | ''>
            style={{ width: '100%' }}
            aria-label={t('care.form.whoLabel')}
            value={who ?? ''}
            onChange={(v) => setWho(v || undefined)}
            options={[
              { value: '', label: t('care.who.all') },
              { value: 'member', label: t('care.who.member') },
              { value: 'youth', label: t('care.who.youth') },
            ]}
          />
        </Col>
        <Col xs={12} sm={8} md={5}>
          <Select<Status>
            style={{ width: '100%' }}
            aria-label={t('care.status.all')}
            value={status}
            onChange={setStatus}
            options={(['open', 'closed', 'all'] as const).map((v) => ({ value: v, label: t(`care.status.${v}`) }))}
          />
        </Col>
      </Row>
      {list.error ? (
        <PageError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
            {t('care.list.total', { n: total })}
          </Typography.Text>
          <CareList
            items={items}
            year={year}
            onOpen={setOpenId}
            hasMore={Boolean(list.hasNextPage)}
            loadingMore={list.isFetchingNextPage}
            onMore={() => void list.fetchNextPage()}
          />
        </>
      )}
      {s && <CareChildren summary={s} />}
      {adding && (
        <CareFormDrawer unit={unit} onClose={() => setAdding(false)} onSaved={(saved) => setOpenId(saved.id)} />
      )}
      {suggesting && (
        <CareSuggestionsDrawer unitId={unitId} canWrite={Boolean(s?.canWrite)} onClose={() => setSuggesting(false)} />
      )}
      {openId && <CareDetailDrawer recordId={openId} unit={unit} onClose={() => setOpenId(null)} />}
    </>
  );
}
