import type { ErrorBody } from '@beacon/domain';

/** An error from the API (or the network), always with a code and a human message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
  }
}

interface HttpConfig {
  getToken: () => string | null;
  /** Called with the 401's error code (SESSION_ENDED: the account was deactivated). */
  onUnauthorized: (code: string) => void;
  /** Called on a 403: the user may have lost a role since the token was issued. */
  onForbidden?: (code: string) => void;
}

let config: HttpConfig = { getToken: () => null, onUnauthorized: () => undefined };

/** Wired once by the auth provider: where the bearer token comes from and what a 401 does. */
export function configureHttp(next: HttpConfig): void {
  config = next;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Send the bearer token and treat 401 as "session over" (default true). */
  auth?: boolean;
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).message === 'string';
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const { method = 'GET', body, signal, auth = true } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = auth ? config.getToken() : null;
  if (token) headers.Authorization = `Bearer ${token}`;

  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) });
  }

  const payload = await readBody(res);
  if (!res.ok) {
    const errorBody: ErrorBody = isErrorBody(payload)
      ? payload
      : { code: `HTTP_${res.status}`, message: typeof payload === 'string' && payload ? payload : res.statusText };
    if (res.status === 401 && auth) config.onUnauthorized(errorBody.code);
    if (res.status === 403 && auth) config.onForbidden?.(errorBody.code);
    throw new ApiError(res.status, errorBody);
  }
  return payload as T;
}

export const http = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
};

/** Builds `?a=1&b=2`, skipping empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

/**
 * A form's own refusal, shaped as the API's (each field's message beside it). The summary says the
 * first problem and, through `more`, how many others wait (each is shown at its field).
 */
export function clientValidationError(fields: Record<string, string>, more?: (first: string, others: number) => string): ApiError {
  const messages = Object.values(fields);
  const first = messages[0] ?? 'invalid';
  const message = messages.length > 1 && more ? more(first, messages.length - 1) : first;
  return new ApiError(400, { code: 'CLIENT_VALIDATION', message, fields });
}
