/** ltree labels allow only letters, digits and underscores: a unit id becomes `u` + its hex digits. */
export function labelOf(unitId: string): string {
  return `u${unitId.replace(/-/g, '')}`;
}

/** The unit id encoded by an ltree label. */
export function idOfLabel(label: string): string {
  const hex = label.slice(1);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The path of a child under a parent path (or a root path when there is no parent). */
export function childPath(parentPath: string | null, unitId: string): string {
  return parentPath ? `${parentPath}.${labelOf(unitId)}` : labelOf(unitId);
}

/** Ids of the units along a path, root first. */
export function idsOnPath(path: string): string[] {
  return path.split('.').map(idOfLabel);
}

/** True when `path` is `ancestor` itself or lies below it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}
