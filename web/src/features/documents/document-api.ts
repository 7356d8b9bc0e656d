import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { DocumentPage, DocumentTemplateDto } from '../../../../src/contracts/documents';
import { DOCUMENT_KIND_KEYS, type DocumentKind } from '../../../../src/domain/documents/document-kinds';
import i18n from '../../i18n';
import { api, ApiError } from '../../lib/api';

/** Filters of the "Văn bản" page. */
export interface DocumentFilter {
  unitId: string;
  kind?: DocumentKind;
  year?: number;
}

export const documentKeys = {
  all: ['documents'] as const,
  list: (f: DocumentFilter) => ['documents', 'list', f] as const,
  templates: (unitId: string) => ['documents', 'templates', unitId] as const,
};

/** Documents of a unit's subtree, newest first, 50 at a time. */
export const documentListOptions = (filter: DocumentFilter) =>
  infiniteQueryOptions({
    queryKey: documentKeys.list(filter),
    queryFn: ({ pageParam }) => api.get<DocumentPage>('/documents', { ...filter, limit: 50, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
  });

/** The template a unit uses for each kind. */
export const templateListOptions = (unitId: string) =>
  queryOptions({
    queryKey: documentKeys.templates(unitId),
    queryFn: () => api.get<DocumentTemplateDto[]>(`/units/${unitId}/document-templates`),
  });

/** Where a document's .docx is downloaded from. */
export const documentFileUrl = (id: string) => `/api/documents/${id}/file`;

/** Where a unit's template of a kind (as is, or rendered with sample data) is downloaded from. */
export const templateUrl = (unitId: string, kind: string, what: 'file' | 'preview') =>
  `/api/units/${unitId}/document-templates/${kind}/${what}`;

/** Where a register of a unit is downloaded from. */
export const registerUrl = (unitId: string, register: 'members' | 'admissions-cards' | 'transfers', year?: number) =>
  `/api/units/${unitId}/registers/${register}.xlsx${year ? `?year=${year}` : ''}`;

/** Uploads a unit's own template of a kind (PUT multipart, field "file"); failures become ApiError. */
export async function uploadTemplate(unitId: string, kind: string, file: File): Promise<DocumentTemplateDto> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api/units/${unitId}/document-templates/${kind}`, {
      method: 'PUT',
      credentials: 'include',
      headers: { Accept: 'application/json' },
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) return body as DocumentTemplateDto;
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.message === 'string')
    throw new ApiError(response.status, String(error.code ?? 'error'), error.message, error.details ?? null);
  throw new ApiError(response.status, 'http_error', i18n.t('errors.http', { status: response.status }));
}

/** The query string of the "Văn bản" page: unit (default: the first unit of the scope), kind, year. */
export type DocumentSearch = Partial<DocumentFilter>;

/** Reads the page's query string, dropping anything malformed. */
export function parseDocumentSearch(search: Record<string, unknown>): DocumentSearch {
  const out: DocumentSearch = {};
  if (typeof search.unitId === 'string' && /^[0-9a-f-]{36}$/.test(search.unitId)) out.unitId = search.unitId;
  if (typeof search.kind === 'string' && (DOCUMENT_KIND_KEYS as string[]).includes(search.kind))
    out.kind = search.kind as DocumentKind;
  const year = Number(search.year);
  if (Number.isInteger(year) && year >= 1956 && year <= 2200) out.year = year;
  return out;
}
