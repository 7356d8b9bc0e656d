import { fail } from '../errors.js';
import { formatDateVi } from '../text/dates.js';
import { isWithin } from '../org/unit-path.js';
import { GRASSROOTS_KINDS } from '../org/unit-kind.js';

/** A unit on a path, as the transfer rules need it. */
export interface PathUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
}

/**
 * The đoàn cơ sở a branch belongs to: the nearest unit on its path (the branch itself included, for a
 * chi đoàn cơ sở) whose kind is a đoàn cơ sở kind. `pathUnits` lists the units root first.
 */
export function grassrootsOf<T extends Pick<PathUnit, 'kind'>>(pathUnits: readonly T[]): T | null {
  for (let i = pathUnits.length - 1; i >= 0; i--) {
    const unit = pathUnits[i]!;
    if (GRASSROOTS_KINDS.includes(unit.kind)) return unit;
  }
  return null;
}

/** A unit that can receive a member: open, of a branch (leaf) kind. */
export interface PlacementUnit {
  name: string;
  path: string;
  closedOn: string | null;
  isLeaf: boolean;
}

/** Refuses placing a member in a closed unit or in a unit that is not a branch. */
export function assertPlacementBranch(unit: PlacementUnit, field = 'toUnitId'): void {
  if (unit.closedOn)
    throw fail.rule(
      `Không thể tiếp nhận vào "${unit.name}": chi đoàn đã ngừng hoạt động từ ${formatDateVi(unit.closedOn)}.`,
      field,
    );
  if (!unit.isLeaf)
    throw fail.rule(`"${unit.name}" không phải là chi đoàn: đoàn viên phải được tiếp nhận vào một chi đoàn.`, field);
}

/** An internal move stays inside the đoàn cơ sở and changes the branch. */
export function assertInternalTarget(
  target: PlacementUnit & { id: string },
  grassrootsPath: string,
  currentUnitId: string,
): void {
  assertPlacementBranch(target);
  if (target.id === currentUnitId) throw fail.rule('Đoàn viên đang sinh hoạt ở chi đoàn này.', 'toUnitId');
  if (!isWithin(target.path, grassrootsPath))
    throw fail.rule(
      `"${target.name}" không thuộc cùng đoàn cơ sở: chuyển sinh hoạt ra ngoài đoàn cơ sở phải cấp giấy giới thiệu.`,
      'toUnitId',
    );
}

/** An external acceptance goes into a branch other than the member's current one, inside the addressee if any. */
export function assertAcceptTarget(
  target: PlacementUnit & { id: string },
  currentUnitId: string,
  addressee: { name: string; path: string } | null,
): void {
  assertPlacementBranch(target);
  if (target.id === currentUnitId) throw fail.rule('Đoàn viên đang sinh hoạt ở chi đoàn này.', 'toUnitId');
  if (addressee && !isWithin(target.path, addressee.path))
    throw fail.rule(`Giấy giới thiệu gửi "${addressee.name}": hãy chọn một chi đoàn của đơn vị đó.`, 'toUnitId');
}

/** "Đà Nẵng" from "Thành đoàn Đà Nẵng", "Lâm Đồng" from "Tỉnh đoàn Lâm Đồng": the place printed on a letter. */
export function placeName(provinceName: string | null | undefined): string | null {
  if (!provinceName) return null;
  return provinceName.replace(/^(Tỉnh đoàn|Thành đoàn)\s+/i, '').trim() || null;
}
