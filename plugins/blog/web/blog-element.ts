import { LitElement, css, type CSSResultGroup } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, preauStyles, userContext } from '@preau/sdk/web';
import { texts, type TextKey } from './texts.js';

/** What every element of the blog shares: the API, the user, the language, texts and the design system. */
export class BlogElement extends LitElement {
  // Préau's design system (buttons, fields, cards, lists, focus, contrast AA), then what only the blog shows.
  static override styles: CSSResultGroup = [preauStyles, css`
    :host { display: block; }
    .tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; background: #e8eefb; color: #1b3f80; }
    .tag.warning { background: #fff3cd; color: #5c4400; }
    .body { overflow-wrap: anywhere; }
    .body img { max-width: 100%; height: auto; }
    img.cover { width: 100%; max-height: 14rem; object-fit: cover; border-radius: 8px; }
    .meta { color: var(--preau-muted, #4a5263); font-size: 0.95rem; }
  `];

  private apiConsumer = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private languageConsumer = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private userConsumer = new ContextConsumer(this, { context: userContext, subscribe: true });

  protected get api() {
    return this.apiConsumer.value!;
  }
  protected get language(): 'fr' | 'en' {
    return this.languageConsumer.value ?? 'fr';
  }
  protected get user() {
    return this.userConsumer.value;
  }
  protected t(key: TextKey): string {
    return texts.text(key, this.language);
  }
  protected f(key: TextKey, values: Record<string, string | number>): string {
    return texts.format(key, this.language, values);
  }
  protected message(error: unknown): string {
    return error instanceof ApiError ? error.message : String(error);
  }
  /** Moves within the app (the shell follows this event). */
  protected go(path: string): void {
    this.dispatchEvent(new CustomEvent('preau-navigate', { detail: `/apps/blog${path}`, bubbles: true, composed: true }));
  }
}
