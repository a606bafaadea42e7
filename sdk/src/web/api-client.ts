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
  delete<T = void>(path: string): Promise<T>;
}

/** Makes an API client; `csrfToken` comes from the sign-in answer or `GET /api/core/me`. */
export function createApiClient(options: { csrfToken?: () => string | undefined; fetch?: typeof fetch } = {}): ApiClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = options.csrfToken?.();
    if (token && method !== 'GET') headers['x-csrf-token'] = token;
    const response = await doFetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return undefined as T;
    const data = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
    if (!response.ok) {
      throw new ApiError(response.status, data?.code ?? 'PREAU_ERR_NETWORK', data?.message ?? response.statusText, data?.details);
    }
    return data as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body ?? {}),
    put: (path, body) => call('PUT', path, body ?? {}),
    delete: (path) => call('DELETE', path),
  };
}
