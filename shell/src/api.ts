import { createContext } from '@lit/context';
import { ApiError, createApiClient, type ApiClient } from '@preau/sdk/web';

/**
 * The shell's own client: the SDK's JSON client plus what only the shell's pages need and the SDK client
 * does not do (PATCH, multipart uploads, binary answers such as printable slips), all with the CSRF header.
 */
export interface ShellApi extends ApiClient {
  patch<T = void>(path: string, body: unknown): Promise<T>;
  /** Sends a multipart form (file uploads) and reads the JSON answer. */
  upload<T>(path: string, form: FormData): Promise<T>;
  /** POSTs JSON and returns the answer as a Blob (an HTML page or a PDF). */
  postForBlob(path: string, body: unknown): Promise<Blob>;
}

/** The shell's client, provided by `<preau-app>` to its pages. */
export const shellApiContext = createContext<ShellApi>(Symbol.for('preau.shell-api'));

async function failure(response: Response): Promise<ApiError> {
  const data = (await response.json().catch(() => null)) as { code?: string; message?: string; details?: unknown } | null;
  return new ApiError(response.status, data?.code ?? 'PREAU_ERR_NETWORK', data?.message ?? response.statusText, data?.details);
}

/** Makes the shell's client; `csrfToken` reads the current session's token. */
export function createShellApi(csrfToken: () => string | undefined): ShellApi {
  const json = createApiClient({ csrfToken });
  const send = async (method: string, path: string, body: BodyInit | undefined, contentType?: string): Promise<Response> => {
    const headers: Record<string, string> = {};
    if (contentType) headers['content-type'] = contentType;
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
    const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
    if (!response.ok) throw await failure(response);
    return response;
  };
  return {
    ...json,
    async patch<T>(path: string, body: unknown) {
      const response = await send('PATCH', path, JSON.stringify(body), 'application/json');
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    async upload<T>(path: string, form: FormData) {
      // No content-type: the browser writes the multipart boundary itself.
      return (await (await send('POST', path, form)).json()) as T;
    },
    async postForBlob(path: string, body: unknown) {
      return (await send('POST', path, JSON.stringify(body), 'application/json')).blob();
    },
  };
}

/**
 * A client for the pages shown before sign-in. Their messages come in the page's language: without a user,
 * the server would follow the browser's, and a French page would show English errors in an English browser.
 */
export function signedOutApi(language: 'fr' | 'en'): ApiClient {
  return createApiClient({
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string> | undefined), 'accept-language': language } }),
  });
}

/** The message to show for a failed call: the server's (already in the user's language) or the error's. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}
