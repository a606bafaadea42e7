import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextConsumer } from '@lit/context';
import { errorMessage, shellApiContext } from './api.js';

/**
 * One GET of the API held by a component: the value once loaded, or the error message to show. The path is
 * read again on every update, and the resource reloads when it changes (a page moved to another school).
 */
export class ApiResource<T> implements ReactiveController {
  value: T | null = null;
  error = '';
  private loadedPath: string | null = null;
  private api: ContextConsumer<typeof shellApiContext, ReactiveControllerHost & HTMLElement>;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private path: () => string | null,
  ) {
    this.api = new ContextConsumer(host, { context: shellApiContext });
    host.addController(this);
  }

  hostUpdate(): void {
    const path = this.path();
    if (path && path !== this.loadedPath) void this.reload();
  }

  /** Holds what a write answered (the resource as the server now has it), without reading it again. */
  replace(value: T): void {
    this.value = value;
    this.error = '';
    this.host.requestUpdate();
  }

  /** Reads the resource again (after a change the component made). */
  async reload(): Promise<void> {
    const path = this.path();
    if (!path) return;
    this.loadedPath = path;
    try {
      this.value = await this.api.value!.get<T>(path);
      this.error = '';
    } catch (error) {
      this.error = errorMessage(error);
    }
    this.host.requestUpdate();
  }
}
