import { DomainError } from '../errors.js';
import { formatDateVi } from '../text/dates.js';
import { isWithin } from './unit-path.js';

/** The facts about a unit that structural rules need. */
export interface PlacedUnit {
  id: string;
  path: string;
  closedOn: string | null;
  name: string;
}

/** A unit cannot be placed inside its own subtree. */
export function assertNoCycle(unit: PlacedUnit, newParent: PlacedUnit): void {
  if (!isWithin(newParent.path, unit.path)) return;
  const message = `Không thể chuyển "${unit.name}" vào chính nó hoặc một đơn vị trực thuộc nó.`;
  throw new DomainError('rule_violation', message, [{ field: 'parentId', message }]);
}

/** Nothing can be placed under a closed unit. */
export function assertOpen(unit: PlacedUnit, field = 'parentId'): void {
  if (!unit.closedOn) return;
  const message = `Đơn vị "${unit.name}" đã ngừng hoạt động từ ${formatDateVi(unit.closedOn)}.`;
  throw new DomainError('rule_violation', message, [{ field, message }]);
}

/** An effective date must not rewrite history before the last recorded change, nor lie in the future. */
export function assertEffectiveDate(effectiveOn: string, lastChangeOn: string, today: string): void {
  if (effectiveOn > today) {
    throw new DomainError('validation', 'Ngày hiệu lực không được sau ngày hôm nay.', [
      { field: 'effectiveOn', message: 'Ngày hiệu lực không được sau ngày hôm nay.' },
    ]);
  }
  if (effectiveOn < lastChangeOn) {
    const message = `Ngày hiệu lực phải từ ${formatDateVi(lastChangeOn)} trở đi (ngày thay đổi gần nhất của đơn vị).`;
    throw new DomainError('validation', message, [{ field: 'effectiveOn', message }]);
  }
}
