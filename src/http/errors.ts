import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DomainError, type DomainErrorCode, type FieldIssue } from '../domain/errors.js';

const STATUS: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule_violation: 422,
  locked: 423,
  rate_limited: 429,
};

/** Field path of a validation issue as a dotted string ("parts.0.name"). */
function fieldOf(instancePath: string): string {
  return instancePath.replace(/^\//, '').replace(/\//g, '.');
}

interface PgLikeError {
  code?: string;
  constraint?: string;
}

function isPgError(error: unknown): error is PgLikeError {
  return typeof error === 'object' && error !== null && typeof (error as PgLikeError).code === 'string';
}

/** Turns any thrown error into `{ error: { code, message, details } }` with a Vietnamese message. */
export function toErrorBody(error: unknown): {
  status: number;
  body: { error: { code: string; message: string; details: unknown } };
} {
  if (error instanceof DomainError) {
    return {
      status: STATUS[error.code],
      body: { error: { code: error.code, message: error.message, details: error.details } },
    };
  }
  const fe = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const details: FieldIssue[] = fe.validation.map((v) => ({
      field: fieldOf(v.instancePath),
      message: v.message ?? 'Giá trị không hợp lệ.',
    }));
    const first = details[0];
    const message = first
      ? `${first.message}${first.field ? ` (trường: ${first.field})` : ''}`
      : 'Dữ liệu không hợp lệ.';
    return { status: 400, body: { error: { code: 'validation', message, details } } };
  }
  if (fe.statusCode === 429) {
    return {
      status: 429,
      body: {
        error: { code: 'rate_limited', message: 'Bạn thao tác quá nhanh. Vui lòng thử lại sau ít phút.', details: [] },
      },
    };
  }
  if (
    fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ||
    fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fe.statusCode === 400 ||
    fe.statusCode === 415
  ) {
    return {
      status: 400,
      body: { error: { code: 'validation', message: 'Nội dung yêu cầu không hợp lệ (cần JSON).', details: [] } },
    };
  }
  if (isPgError(error) && error.code === '23505') {
    return {
      status: 409,
      body: {
        error: {
          code: 'conflict',
          message: 'Dữ liệu bị trùng với bản ghi đã có.',
          details: { constraint: error.constraint },
        },
      },
    };
  }
  return {
    status: 500,
    body: { error: { code: 'internal', message: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', details: [] } },
  };
}

/** Fastify error handler: logs server faults, answers with the error body. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = toErrorBody(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).send(body);
}
