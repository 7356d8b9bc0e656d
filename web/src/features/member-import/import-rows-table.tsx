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

/** A rejected row's cell as written in the file, red when a problem names its column. */
function RawValue({ row, letter }: { row: ImportRow; letter: string | undefined }) {
  const cell = letter ? row.raw?.find((c) => c.column === letter) : undefined;
  const wrong = letter !== undefined && row.errors.some((e) => e.column === letter);
  return <Typography.Text type={wrong ? 'danger' : undefined}>{cell?.value ?? dash}</Typography.Text>;
}

/** All the cells of a rejected row as in the file: "Header (B): value", the ones with a problem in red. */
function RawCells({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  const wrong = new Set(row.errors.map((e) => e.column));
  return (
    <Flex vertical gap={2} style={{ marginTop: 4 }} data-testid="import-raw-cells">
      <Typography.Text type="secondary">{t('memberImport.rawCells')}</Typography.Text>
      <Flex wrap gap="2px 16px">
        {(row.raw ?? []).map((c) => (
          <Typography.Text
            key={c.column}
            type={wrong.has(c.column) ? 'danger' : undefined}
            style={{ whiteSpace: 'normal' }}
          >
            {c.header || c.column} ({c.column}): <strong>{c.value}</strong>
          </Typography.Text>
        ))}
      </Flex>
    </Flex>
  );
}

/** The rows of one outcome of a dry run: rejected ones with each problem, updates with what changes. */
export function ImportRowsTable({ job, outcome }: { job: ImportJobDto; outcome: ImportOutcome }) {
  const { t } = useTranslation();
  const { label } = useImportFields();
  const rows = useInfiniteQuery(importRowsOptions(job.id, outcome, job.updatedAt));
  // Phones: one column with the name above the problems or changes, no sideways scrolling.
  const narrow = !Grid.useBreakpoint().sm;
  // A rejected row's cells: below its problems on a phone, in an expanded row on wider screens.
  const expand = outcome === 'reject' && !narrow;
  const detailWidth = narrow
    ? { minWidth: 0, maxWidth: 'calc(100vw - 130px)' }
    : { minWidth: 240, maxWidth: expand ? 400 : 520 };
  if (rows.error) return <PageError error={rows.error} onRetry={() => void rows.refetch()} />;
  const items = rows.data?.pages.flatMap((p) => p.items) ?? [];
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : dash);
  const letter = (field: string) => job.columns.find((c) => c.field === field)?.letter;
  /** A rejected row shows the cell as written (its value may not have been readable); other rows the value read. */
  const cell = (field: string, read: (r: ImportRow) => string) => (_: unknown, r: ImportRow) =>
    r.raw ? <RawValue row={r} letter={letter(field)} /> : read(r);

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
      expandable={
        expand
          ? { expandedRowRender: (r) => <RawCells row={r} />, rowExpandable: (r) => Boolean(r.raw?.length) }
          : undefined
      }
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
          render: cell('fullName', (r) => text(r.values.fullName)),
          responsive: outcome === 'reject' || outcome === 'update' ? ['sm'] : undefined,
        },
        {
          key: 'birth',
          title: t('member.fields.birthDate'),
          render: cell('birthDate', (r) => birth(r.values)),
          responsive: ['sm'],
        },
        {
          key: 'cccd',
          title: t('member.fields.cccd'),
          render: cell('cccd', (r) => text(r.values.cccd)),
          responsive: ['md'],
        },
        {
          key: 'branch',
          title: t('member.fields.unit'),
          render: cell('branch', (r) => r.branchRef ?? dash),
          responsive: ['lg'],
        },
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
                    {narrow && Boolean(r.raw?.length) && <RawCells row={r} />}
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
