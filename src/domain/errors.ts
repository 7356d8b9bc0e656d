/** Codes the HTTP layer maps to statuses. */
export type DomainErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rule_violation'
  | 'locked'
  | 'rate_limited';

/** A field-level problem, with a Vietnamese message for the user. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** The one error type of the application. Messages are Vietnamese, shown to users as they are. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: FieldIssue[] | Record<string, unknown> = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthands for the errors raised most often. */
export const fail = {
  notFound: (what: string) => new DomainError('not_found', `Không tìm thấy ${what}.`),
  forbidden: (message = 'Bạn không có quyền thực hiện thao tác này.') => new DomainError('forbidden', message),
  conflict: (message: string, details: Record<string, unknown> = {}) => new DomainError('conflict', message, details),
  rule: (message: string, field?: string) =>
    new DomainError('rule_violation', message, field ? [{ field, message }] : []),
  invalid: (field: string, message: string) => new DomainError('validation', message, [{ field, message }]),
};
