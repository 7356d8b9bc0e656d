import type { UnitDetail } from '../../../../src/contracts/units';
import type { UnitAction } from './unit-action-buttons';
import { UnitFormModal } from './unit-form-modal';
import { MoveUnitModal } from './move-unit-modal';
import { MergeUnitsModal } from './merge-units-modal';
import { SplitUnitModal } from './split-unit-modal';
import { CloseUnitModal } from './close-unit-modal';

interface Props {
  unit: UnitDetail;
  action: UnitAction | null;
  onClose: () => void;
  onReload: () => void;
}

/** The dialog of the chosen action (mounted only while open, so each opening starts fresh). */
export function UnitActionModals({ unit, action, onClose, onReload }: Props) {
  switch (action) {
    case 'create':
    case 'update':
      return <UnitFormModal mode={action} unit={unit} onClose={onClose} onReload={onReload} />;
    case 'move':
      return <MoveUnitModal unit={unit} onClose={onClose} onReload={onReload} />;
    case 'merge':
      return <MergeUnitsModal unit={unit} onClose={onClose} />;
    case 'split':
      return <SplitUnitModal unit={unit} onClose={onClose} onReload={onReload} />;
    case 'close':
      return <CloseUnitModal unit={unit} onClose={onClose} onReload={onReload} />;
    default:
      return null;
  }
}
