import i18n from '../../i18n';
import { ApiError } from '../../lib/api';

/**
 * Calls the API with a method or body the shared JSON client does not offer (PUT, multipart upload),
 * turning a failure into the same ApiError. Send JSON as a plain value, an upload as FormData.
 */
export async function sendApi<T>(method: 'PUT' | 'POST', path: string, body: unknown): Promise<T> {
  const isForm = body instanceof FormData;
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      credentials: 'include',
      headers: isForm
        ? { Accept: 'application/json' }
        : { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: isForm ? body : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return parsed as T;
  const error = (parsed as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string') {
    throw new ApiError(
      response.status,
      typeof error.code === 'string' ? error.code : 'error',
      error.message,
      error.details ?? null,
    );
  }
  throw new ApiError(response.status, 'http_error', i18n.t('errors.http', { status: response.status }));
}
