import { Button, Dropdown, Grid } from 'antd';
import {
  DeleteOutlined,
  DownOutlined,
  EditOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SplitCellsOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { UnitDetail } from '../../../../src/contracts/units';
import { useUnitKinds } from './unit-queries';

export type UnitAction = 'create' | 'update' | 'move' | 'merge' | 'split' | 'close';

/** The buttons for what the account may do with this unit (from `unit.actions`). */
export function UnitActionButtons({ unit, onAction }: { unit: UnitDetail; onAction: (a: UnitAction) => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const can = (a: UnitDetail['actions'][number]) => unit.actions.includes(a);
  const open = !unit.closedOn;
  const isLeaf = useUnitKinds().byCode.get(unit.kind)?.isLeaf ?? false;

  const restructure = [
    { key: 'move', label: t('unit.actions.move'), icon: <SwapOutlined /> },
    { key: 'merge', label: t('unit.actions.merge'), icon: <MergeCellsOutlined /> },
    { key: 'split', label: t('unit.actions.split'), icon: <SplitCellsOutlined /> },
  ] as const;
  const showRestructure = open && can('unit.restructure');

  return (
    <>
      {open && !isLeaf && can('unit.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => onAction('create')}>
          {t('unit.actions.create')}
        </Button>
      )}
      {open && can('unit.update') && (
        <Button icon={<EditOutlined />} onClick={() => onAction('update')}>
          {t('unit.actions.update')}
        </Button>
      )}
      {showRestructure &&
        (screens.xl ? (
          restructure.map((r) => (
            <Button key={r.key} icon={r.icon} onClick={() => onAction(r.key)}>
              {r.label}
            </Button>
          ))
        ) : (
          <Dropdown
            trigger={['click']}
            menu={{ items: [...restructure], onClick: (e) => onAction(e.key as UnitAction) }}
          >
            <Button icon={<DownOutlined />} iconPlacement="end">
              {t('unit.actions.restructure')}
            </Button>
          </Dropdown>
        ))}
      {open && can('unit.close') && (
        <Button danger icon={<DeleteOutlined />} onClick={() => onAction('close')}>
          {t('unit.actions.close')}
        </Button>
      )}
    </>
  );
}
