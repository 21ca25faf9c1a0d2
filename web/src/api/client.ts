// The one way the web app talks to the server: same-origin fetch with the session cookie, the
// CSRF token on every write, and error bodies ({ error: { code, message, details } }) turned into
// ApiError. A lost session (401 unauthenticated / session_expired) sends the app back to login.
// The server's cached reads carry an entity tag (docs/api.md): the last tagged answer of each GET is
// kept here, in memory only (the server sends no-store: nothing on disk), and its tag sent back, so an
// unchanged answer comes back as a bodiless 304.

export interface Problem {
  file?: string;
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    /** The server's error code (login_failed, conflict, input_rejected, …), or "network". */
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }

  /** Rejected input (422 input_rejected): every problem, with row, column, value and reason. */
  get problems(): Problem[] {
    return this.code === 'input_rejected' && Array.isArray(this.details) ? (this.details as Problem[]) : [];
  }
}

/** Codes that mean "no valid session": the app returns to the login page. */
const SESSION_LOST = new Set(['unauthenticated', 'session_expired']);

let csrfToken = '';
let onSessionLost: ((code: string) => void) | null = null;
let afterWrite: ((path: string) => void) | null = null;
let lastRequestAt = 0;

/** The last tagged answer of each GET, by address, oldest first; at most TAGGED of them. */
const tagged = new Map<string, { etag: string; text: string }>();
const TAGGED = 200;

/** A new session (sign-in, sign-out, a password change) starts without the last one's answers. */
export function setCsrfToken(token: string): void {
  if (token !== csrfToken) tagged.clear();
  csrfToken = token;
}

/** Registers what to do when the server says the session is gone (the session provider does). */
export function handleSessionLost(handler: ((code: string) => void) | null): void {
  onSessionLost = handler;
}

/** Registers what to do after a successful write (query.ts marks the affected reads stale). */
export function onWrite(handler: ((path: string) => void) | null): void {
  afterWrite = handler;
}

/** Tells the registered handler that a write to `path` succeeded (the upload's XHR calls it too). */
export function writeDone(path: string): void {
  afterWrite?.(path);
}

/** When the last request was sent (ms since epoch), for the keep-alive of an active user. */
export const lastRequestTime = (): number => lastRequestAt;

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['x-csrf-token'] = csrfToken;
  // No body, no content-type: Fastify refuses an empty JSON body.
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  lastRequestAt = Date.now();
  const url = withQuery(path, options.query);
  const kept = method === 'GET' ? tagged.get(url) : undefined;
  if (kept) headers['if-none-match'] = kept.etag;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network', 'network error');
  }
  const unchanged = response.status === 304 && kept !== undefined;
  const text = unchanged ? kept.text : await response.text();
  const body = text ? parseJson(text) : null;
  if (response.ok || unchanged) {
    if (method !== 'GET' && method !== 'HEAD') writeDone(path);
    if (method === 'GET') keepTagged(url, response.headers.get('etag'), text);
    return body as T;
  }
  const error = toApiError(response.status, body);
  if (response.status === 401 && SESSION_LOST.has(error.code)) onSessionLost?.(error.code);
  throw error;
}

function keepTagged(url: string, etag: string | null, text: string): void {
  tagged.delete(url);
  if (!etag) return;
  tagged.set(url, { etag, text });
  if (tagged.size > TAGGED) tagged.delete(tagged.keys().next().value!);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error =
    body && typeof body === 'object' && 'error' in body
      ? (body as { error: { code?: string; message?: string; details?: unknown } }).error
      : null;
  if (!error) return new ApiError(status, status >= 500 ? 'internal' : 'bad_request', String(body ?? status));
  return new ApiError(status, error.code ?? 'bad_request', error.message ?? '', error.details ?? null);
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
};
