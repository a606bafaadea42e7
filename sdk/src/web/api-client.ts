/** An error answered by the Préau API: its code, its message (already in the user's language) and details. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Calls the Préau API as the signed-in user: JSON in and out, CSRF token on writes, coded errors as `ApiError`. */
export interface ApiClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body?: unknown): Promise<T>;
  patch<T = void>(path: string, body: unknown): Promise<T>;
  delete<T = void>(path: string): Promise<T>;
  /** Sends a multipart form (file uploads) and reads the JSON answer. */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** POSTs JSON and returns the answer as a Blob (a printable page, a PDF). */
  postForBlob(path: string, body: unknown): Promise<Blob>;
  /** PUTs raw bytes (`application/octet-stream`: a chunk of a resumable upload) and reads the JSON answer. */
  putBytes<T>(path: string, bytes: Blob): Promise<T>;
}

/** Options of `createApiClient`. */
export interface ApiClientOptions {
  /** The session's CSRF token (from the sign-in answer or `GET /api/core/me`), sent on every write. */
  csrfToken?: () => string | undefined;
  /** The language of error messages before sign-in (signed in, the user's own language applies). */
  language?: () => 'fr' | 'en' | undefined;
  fetch?: typeof fetch;
}

/** Makes an API client. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const send = async (method: string, path: string, body: BodyInit | undefined, contentType?: string): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const token = options.csrfToken?.();
    if (token && method !== 'GET') headers['x-csrf-token'] = token;
    const language = options.language?.();
    if (language) headers['accept-language'] = language;
    const response = await doFetch(path, { method, headers, credentials: 'same-origin', body });
    if (!response.ok) {
      const data = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
      throw new ApiError(response.status, data?.code ?? 'PREAU_ERR_NETWORK', data?.message ?? response.statusText, data?.details);
    }
    return response;
  };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json');
    if (response.status === 204) return undefined as T;
    return (await response.json().catch(() => null)) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
    // No content-type: the browser writes the multipart boundary itself.
    upload: async (path, form) => (await (await send('POST', path, form)).json()) as never,
    postForBlob: async (path, body) => (await send('POST', path, JSON.stringify(body), 'application/json')).blob(),
    putBytes: async (path, bytes) => (await (await send('PUT', path, bytes, 'application/octet-stream')).json()) as never,
  };
}
