// Uploading a file with a progress bar. fetch() reports no upload progress, so this one request
// goes through XMLHttpRequest, sending what src/api/client.ts sends on every write: the session
// cookie and the CSRF header (the token is read fresh from /api/auth/me). Errors come back as the
// same ApiError; a lost session goes through the client, which sends the app back to login.
import { ApiError, api, type Query, withQuery, writeDone } from '../api/client';
import type { SessionResponse } from '../api/types';

/** The server's upload limit (src/http/upload-limit.ts). */
export const UPLOAD_LIMIT_BYTES = 50 * 1024 * 1024;

export async function uploadWithProgress<T>(
  path: string,
  file: File,
  options: { query?: Query; onProgress?(fraction: number): void; signal?: AbortSignal } = {},
): Promise<T> {
  const { csrfToken } = await api.get<SessionResponse>('/api/auth/me', undefined, options.signal);
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, options.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    xhr.upload.onload = () => options.onProgress?.(1);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        // as the client does after every write: the reads it affects are read again (invalidation.ts)
        writeDone(path);
        return resolve(body as T);
      }
      // The error body as the client reads it: { error: { code, message, details } }.
      const error = (body as { error?: { code?: string; message?: string; details?: unknown } } | null)
        ?.error;
      const code = error?.code ?? (xhr.status >= 500 ? 'internal' : 'bad_request');
      reject(new ApiError(xhr.status, code, error?.message ?? String(xhr.status), error?.details ?? null));
      // The client notices a lost session on its next request and returns to the login page.
      if (xhr.status === 401) void api.get('/api/auth/me').catch(() => {});
    };
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/**
 * 错误标注工作簿: sends the rejected file to POST /api/import/:kind/errors (the same checks, nothing
 * written) and saves the answer — the rows with a 错误说明 column and the offending cells in red.
 * Resolves false when the server finds nothing wrong any more (204).
 */
export async function downloadErrorWorkbook(kind: string, file: File, query: Query): Promise<boolean> {
  const { csrfToken } = await api.get<SessionResponse>('/api/auth/me');
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(withQuery(`/api/import/${kind}/errors`, query), {
    method: 'POST',
    headers: { 'x-csrf-token': csrfToken },
    body: form,
  });
  if (response.status === 204) return false;
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string };
    } | null;
    throw new ApiError(
      response.status,
      body?.error?.code ?? 'internal',
      body?.error?.message ?? String(response.status),
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.name.replace(/\.[^.]*$/, '')}-错误标注.xlsx`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}
