import type { Recorder } from './recorder.js';

const REQUEST_TIMEOUT_MS = 30_000;

/** An answer as the harness uses it: the status and the parsed JSON (undefined when there was none). */
export interface Answer<T> {
  status: number;
  body: T | undefined;
}

/**
 * One simulated browser: its session cookie and CSRF token, and timed requests recorded under a kind (the
 * route's pattern, so that `/words/12` and `/words/13` count together). A status in `expected` is not an error.
 */
export class UserClient {
  session: string | undefined;
  csrfToken: string | undefined;

  constructor(readonly origin: string, private readonly recorder: Recorder) {}

  async request<T>(kind: string, method: string, path: string, body?: unknown, expected: readonly number[] = []): Promise<Answer<T>> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': 'fr' };
    if (this.session) headers.cookie = `preau_session=${this.session}`;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    // 0 when no answer came (refused, reset, timed out).
    let status = 0;
    let parsed: T | undefined;
    try {
      const response = await fetch(`${this.origin}${path}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = response.status;
      const text = await response.text();
      parsed = text && response.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : undefined;
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith('preau_session='));
      if (cookie) this.session = cookie.slice('preau_session='.length).split(';')[0];
    } catch {
      // Counted as no answer, or with the status if the body failed half-way.
    }
    this.recorder.record(kind, performance.now() - started, expected.includes(status) ? 200 : status);
    return { status, body: parsed };
  }
}
