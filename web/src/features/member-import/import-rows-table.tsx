import { Button, Flex, Grid, Table, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportJobDto } from '../../../../src/contracts/member-import';
import { PageError } from '../../components/page-error';
import { formatDate } from '../../lib/dates';
import { useImportFields } from './import-labels';
import { importRowsOptions, type ImportOutcome, type ImportRow } from './import-queries';

const dash = '—';

function show(value: unknown, t: (key: 'common.yes' | 'common.no') => string): string {
  if (value === null || value === undefined || value === '') return dash;
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.join(', ');
  const text = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text) : text;
}

function birth(values: Record<string, unknown>): string {
  const date = values.birthDate;
  if (typeof date !== 'string') return dash;
  return values.birthYearOnly === true ? date.slice(0, 4) : formatDate(date);
}

/** The rows of one outcome of a dry run: rejected ones with each problem, updates with what changes. */
export function ImportRowsTable({ job, outcome }: { job: ImportJobDto; outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const { label } = useImportFields();
  const rows = useInfiniteQuery(importRowsOptions(job.id, outcome, job.updatedAt));
  // Phones: one column with the name above the problems or changes, no sideways scrolling.
  const narrow = !Grid.useBreakpoint().sm;
  const detailWidth = narrow ? { minWidth: 0, maxWidth: 'calc(100vw - 130px)' } : { minWidth: 240, maxWidth: 520 };
  if (rows.error) return <PageError error={rows.error} onRetry={() => void rows.refetch()} />;
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : dash);

  return (
    <Table<ImportRow>
      rowKey="row"
      size="small"
      loading={rows.isPending}
      dataSource={items}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('memberImport.noRows') }}
      data-testid={`import-rows-${outcome}`}
      footer={
        rows.hasNextPage
          ? () => (
              <Flex justify="center">
                <Button onClick={() => void rows.fetchNextPage()} loading={rows.isFetchingNextPage}>
                  {t('common.loadMore')}
                </Button>
              </Flex>
            )
          : undefined
      }
      columns={[
        { key: 'row', title: t('memberImport.row'), dataIndex: 'row', width: 64 },
        {
          key: 'name',
          title: t('member.fields.fullName'),
          render: (_, r) => text(r.values.fullName),
          responsive: outcome === 'reject' || outcome === 'update' ? ['sm'] : undefined,
        },
        { key: 'birth', title: t('member.fields.birthDate'), render: (_, r) => birth(r.values), responsive: ['sm'] },
        { key: 'cccd', title: t('member.fields.cccd'), render: (_, r) => text(r.values.cccd), responsive: ['md'] },
        { key: 'branch', title: t('member.fields.unit'), render: (_, r) => r.branchRef ?? dash, responsive: ['lg'] },
        ...(outcome === 'reject'
          ? [
              {
                key: 'errors',
                title: t('memberImport.errors'),
                render: (_: unknown, r: ImportRow) => (
                  <Flex vertical style={detailWidth}>
                    {narrow && typeof r.values.fullName === 'string' && <strong>{r.values.fullName}</strong>}
                    {r.errors.map((e) => (
                      <Typography.Text key={`${e.column}-${e.message}`} type="danger" style={{ whiteSpace: 'normal' }}>
                        {e.header || e.column} ({e.column}): {e.message}
                      </Typography.Text>
                    ))}
                  </Flex>
                ),
              },
            ]
          : []),
        ...(outcome === 'update'
          ? [
              {
                key: 'changes',
                title: t('memberImport.changes'),
                render: (_: unknown, r: ImportRow) => (
                  <Flex vertical style={detailWidth}>
                    {narrow && typeof r.values.fullName === 'string' && <strong>{r.values.fullName}</strong>}
                    {(r.changes ?? []).map((c) => (
                      <Typography.Text key={c.field} style={{ whiteSpace: 'normal' }}>
                        {label(c.field)}: {show(c.before, t)} → {show(c.after, t)}
                      </Typography.Text>
                    ))}
                  </Flex>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
