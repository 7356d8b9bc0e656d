/** HTTP methods of the scope cases. */
export type ScopeMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One endpoint as `tests/integration/scope.test.ts` calls it: an outsider gets nothing, a viewer only reads, a
 * member account only reaches `self` endpoints, no session gets 401.
 */
export interface ScopeCase {
  name: string;
  method: ScopeMethod;
  url: () => string;
  body?: () => unknown;
  write: boolean;
  /** An endpoint of the signed-in member's own things (`/api/me/...`). */
  self?: boolean;
}
