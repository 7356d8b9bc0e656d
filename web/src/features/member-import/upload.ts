import i18n from '../../i18n';
import { ApiError } from '../../lib/api';

/** Posts a multipart form with upload progress (fetch cannot report it); failures become ApiError. */
export function uploadForm<T>(path: string, form: FormData, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', i18n.t('errors.network')));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
      if (error && typeof error.message === 'string') {
        const code = typeof error.code === 'string' ? error.code : 'error';
        return reject(new ApiError(xhr.status, code, error.message, error.details ?? null));
      }
      reject(new ApiError(xhr.status, 'http_error', i18n.t('errors.http', { status: xhr.status })));
    };
    xhr.send(form);
  });
}
