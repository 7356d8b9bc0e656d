/** Roles given on a unit; each applies to the unit's whole subtree. */
export const ROLES = ['system_admin', 'unit_admin', 'cadre', 'viewer', 'member'] as const;
export type Role = (typeof ROLES)[number];

/** Actions the application authorises. */
export const ACTIONS = [
  'unit.read',
  'unit.create',
  'unit.update',
  'unit.restructure',
  'unit.close',
  'unitKind.manage',
  'account.read',
  'account.manage',
  'role.grant',
  'audit.read',
  'member.read',
  'member.write',
  /** See CCCD and phone numbers unmasked, and export them. */
  'member.personal',
  /** A member account's own record: profile, e-card, contact corrections, change requests (self-service). */
  'self.read',
  /** Upload and replace the unit's .docx templates of official documents. */
  'document.template',
  /** Record new values of the configurable rules (age limits, quorums, deadlines...). */
  'rules.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const READ: Action[] = ['unit.read', 'member.read'];
const CADRE: Action[] = [...READ, 'unit.update', 'member.write', 'member.personal', 'audit.read'];
const UNIT_ADMIN: Action[] = [
  ...CADRE,
  'unit.create',
  'unit.restructure',
  'unit.close',
  'account.read',
  'account.manage',
  'role.grant',
  'document.template',
];

/** The permission list: which role may take which action inside its subtree. */
export const PERMISSIONS: Record<Role, readonly Action[]> = {
  system_admin: [...UNIT_ADMIN, 'unitKind.manage', 'rules.manage'],
  unit_admin: UNIT_ADMIN,
  cadre: CADRE,
  viewer: READ,
  member: ['self.read'],
};

/** Roles an actor holding `role` may grant to others (never more than they hold). */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  system_admin: ROLES,
  unit_admin: ['unit_admin', 'cadre', 'viewer', 'member'],
  cadre: [],
  viewer: [],
  member: [],
};

/** True when the role allows the action. */
export function roleAllows(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** A role held by an actor on one unit. */
export interface RoleGrant {
  role: Role;
  unitId: string;
  unitPath: string;
}

/** Paths of the subtrees where the grants allow the action; the SQL filter of every scoped query. */
export function scopePaths(grants: readonly RoleGrant[], action: Action): string[] {
  const paths = grants.filter((g) => roleAllows(g.role, action)).map((g) => g.unitPath);
  return minimalPaths(paths);
}

/** Drops paths already covered by an ancestor path in the list. */
export function minimalPaths(paths: readonly string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const path of sorted) {
    if (!kept.some((k) => path === k || path.startsWith(`${k}.`))) kept.push(path);
  }
  return kept;
}

/** True when `path` lies inside one of the scope paths. */
export function inScope(scope: readonly string[], path: string): boolean {
  return scope.some((s) => path === s || path.startsWith(`${s}.`));
}

/** Actions the grants allow on a unit at `path` (the list the UI uses to show or hide buttons). */
export function allowedActions(grants: readonly RoleGrant[], path: string): Action[] {
  const actions = new Set<Action>();
  for (const g of grants) {
    if (!inScope([g.unitPath], path)) continue;
    for (const a of PERMISSIONS[g.role]) actions.add(a);
  }
  return ACTIONS.filter((a) => actions.has(a));
}
