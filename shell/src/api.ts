import { createContext } from '@lit/context';
import { ApiError, createApiClient, type ApiClient } from '@preau/sdk/web';

/** The shell's client is the SDK's: one way to call the API for the shell and every plugin. */
export type ShellApi = ApiClient;

/** The shell's client, provided by `<preau-app>` to its pages. */
export const shellApiContext = createContext<ShellApi>(Symbol.for('preau.shell-api'));

/** Makes the shell's client; `csrfToken` reads the current session's token. */
export function createShellApi(csrfToken: () => string | undefined): ShellApi {
  return createApiClient({ csrfToken });
}

/**
 * A client for the pages shown before sign-in. Their messages come in the page's language: without a user,
 * the server would follow the browser's, and a French page would show English errors in an English browser.
 */
export function signedOutApi(language: 'fr' | 'en'): ApiClient {
  return createApiClient({ language: () => language });
}

/** The message to show for a failed call: the server's (already in the user's language) or the error's. */
export function errorMessage(error: unknown): string {
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}
