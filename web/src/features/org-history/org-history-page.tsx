import { useMemo, useState } from 'react';
import { Card, DatePicker, Empty, Flex, Spin, Tree, Typography, type TreeDataNode } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TreeNodeAsOf } from '../../../../src/contracts/units';
import { DATE_FORMAT, formatDate, toIsoDate } from '../../lib/dates';
import { PageError } from '../../components/page-error';
import { PageTitle } from '../../components/page-title';
import { treeAsOfOptions, useUnitKinds } from '../units/unit-queries';

/** Builds nested tree nodes from the flat list (parents before children is not assumed). */
export function buildTree(nodes: TreeNodeAsOf[], title: (n: TreeNodeAsOf) => string): TreeDataNode[] {
  const ids = new Set(nodes.map((n) => n.id));
  const byParent = new Map<string | null, TreeNodeAsOf[]>();
  for (const n of nodes) {
    const parent = n.parentId && ids.has(n.parentId) ? n.parentId : null;
    byParent.set(parent, [...(byParent.get(parent) ?? []), n]);
  }
  const make = (n: TreeNodeAsOf): TreeDataNode => {
    const kids = byParent.get(n.id) ?? [];
    return { key: n.id, title: title(n), isLeaf: kids.length === 0, children: kids.map(make) };
  };
  return (byParent.get(null) ?? []).map(make);
}

/** Cơ cấu theo ngày: the organisation as it stood on a chosen date. */
export function OrgHistoryPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { kindName } = useUnitKinds();
  const [date, setDate] = useState<Dayjs>(dayjs());
  const iso = toIsoDate(date) ?? '';
  const { data, isPending, error, refetch } = useQuery(treeAsOfOptions(iso));
  const treeData = useMemo(() => buildTree(data ?? [], (n) => `${n.name} · ${kindName(n.kind)}`), [data, kindName]);
  const expandedByDefault = useMemo(() => {
    const minDepth = Math.min(...(data ?? []).map((n) => n.depth));
    return (data ?? []).filter((n) => n.depth <= minDepth + 1).map((n) => n.id);
  }, [data]);

  return (
    <>
      <PageTitle title={t('nav.orgHistory')} />
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <label htmlFor="as-of-date">{t('orgHistory.date')}</label>
          <DatePicker
            id="as-of-date"
            value={date}
            format={DATE_FORMAT}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => d && setDate(d)}
          />
        </Flex>
        <Typography.Paragraph type="secondary">
          {t('orgHistory.caption', { date: formatDate(iso), n: data?.length ?? 0 })}
        </Typography.Paragraph>
        {error ? (
          <PageError error={error} onRetry={() => void refetch()} />
        ) : isPending ? (
          <Spin />
        ) : treeData.length === 0 ? (
          <Empty description={t('orgHistory.empty')} />
        ) : (
          <Tree
            key={iso}
            className="nav-tree"
            blockNode
            defaultExpandedKeys={expandedByDefault}
            height={600}
            treeData={treeData}
            onSelect={(_k, info) => void navigate({ to: '/units/$unitId', params: { unitId: String(info.node.key) } })}
          />
        )}
      </Card>
    </>
  );
}
