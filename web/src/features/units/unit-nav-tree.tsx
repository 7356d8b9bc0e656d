import { useEffect, useMemo, useState } from 'react';
import { Tree, type TreeDataNode } from 'antd';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import type { UnitSummary } from '../../../../src/contracts/units';
import { useCurrentUser } from '../auth/current-user';
import { unitChildrenOptions, unitDetailOptions } from './unit-queries';

const union = (a: string[], b: string[]) => (b.every((x) => a.includes(x)) ? a : [...new Set([...a, ...b])]);

/** Ids from the first scope root on the path onwards (the nodes to expand). */
function pathToExpand(scopeRootIds: Set<string>, ancestorIds: string[]): string[] {
  const start = ancestorIds.findIndex((id) => scopeRootIds.has(id));
  return start < 0 ? [] : ancestorIds.slice(start);
}

/**
 * The organisation tree from the account's scope roots; children are loaded when a node opens.
 * Opening a unit page expands the tree down to it.
 */
export function UnitNavTree({ onNavigate }: { onNavigate?: () => void }) {
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { unitId: currentId } = useParams({ strict: false });
  const [expanded, setExpanded] = useState<string[]>([]);
  const [requested, setRequested] = useState<string[]>([]);

  const current = useQuery({ ...unitDetailOptions(currentId ?? ''), enabled: Boolean(currentId) });
  const rootIds = useMemo(() => new Set(me.scopeRoots.map((r) => r.id)), [me.scopeRoots]);
  const unit = current.data;
  useEffect(() => {
    if (!unit) return;
    // Open the path down to the unit, and the unit itself when it has sub-units.
    const ids = [...unit.ancestors.map((a) => a.id), ...(unit.childCount > 0 ? [unit.id] : [])];
    const path = pathToExpand(rootIds, ids);
    if (path.length === 0) return;
    setExpanded((prev) => union(prev, path));
    setRequested((prev) => union(prev, path));
  }, [unit, rootIds]);

  const results = useQueries({ queries: requested.map((id) => unitChildrenOptions(id, false)) });
  const childrenOf = new Map<string, UnitSummary[]>();
  requested.forEach((id, i) => {
    const data = results[i]?.data;
    if (data) childrenOf.set(id, data);
  });

  const build = (id: string, name: string, childCount?: number): TreeDataNode => {
    const kids = childrenOf.get(id);
    return {
      key: id,
      title: name,
      isLeaf: childCount === 0,
      children: kids?.map((k) => build(k.id, k.name, k.childCount)),
    };
  };
  const treeData = me.scopeRoots.map((r) => build(r.id, r.name));

  return (
    <Tree
      className="nav-tree"
      data-testid="nav-tree"
      blockNode
      treeData={treeData}
      expandedKeys={expanded}
      loadedKeys={[...childrenOf.keys()]}
      selectedKeys={currentId ? [currentId] : []}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadData={async (node) => {
        const id = String(node.key);
        await queryClient.fetchQuery(unitChildrenOptions(id, false));
        setRequested((prev) => union(prev, [id]));
      }}
      onSelect={(_keys, info) => {
        const id = String(info.node.key);
        onNavigate?.();
        void navigate({ to: '/units/$unitId', params: { unitId: id } });
      }}
    />
  );
}
