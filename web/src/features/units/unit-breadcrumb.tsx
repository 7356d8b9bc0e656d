import { Breadcrumb } from 'antd';
import { Link } from '@tanstack/react-router';
import type { UnitDetail } from '../../../../src/contracts/units';
import { useCurrentUser } from '../auth/current-user';

/** The path from the root to the unit; ancestors above the account's scope are names only. */
export function UnitBreadcrumb({ unit }: { unit: UnitDetail }) {
  const me = useCurrentUser();
  const rootIds = new Set(me.scopeRoots.map((r) => r.id));
  const firstInScope = unit.ancestors.findIndex((a) => rootIds.has(a.id));
  const items = unit.ancestors.map((a, i) => ({
    key: a.id,
    title:
      firstInScope >= 0 && i >= firstInScope ? (
        <Link to="/units/$unitId" params={{ unitId: a.id }}>
          {a.name}
        </Link>
      ) : (
        <span>{a.name}</span>
      ),
  }));
  items.push({ key: unit.id, title: <span>{unit.name}</span> });
  return <Breadcrumb data-testid="unit-breadcrumb" style={{ marginBottom: 12 }} items={items} />;
}
