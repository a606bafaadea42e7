import { LitElement, css, type CSSResultGroup } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, childContext, languageContext, preauStyles, userContext } from '@preau/sdk/web';
import { format, text, type Language, type TextKey } from './i18n.js';

/** What every notebook element shares: the API, the user, the language, the followed child, texts and styles. */
export class LiaisonElement extends LitElement {
  // The design system's buttons, fields and cards (preauStyles); only what is the notebook's own follows.
  static override styles: CSSResultGroup = [preauStyles, css`
    .tag { display: inline-block; font-size: var(--preau-text-small, 0.85rem); font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem;
      background: var(--preau-accent-soft, #e8eefb); color: var(--preau-accent-strong, #17498f); }
    .tag.unread { background: var(--preau-danger, #b3261e); color: #fff; }
    .tag.modified { background: var(--preau-warning-soft, #fff8e6); color: var(--preau-fg, #1b1f2a); border: 1px solid var(--preau-warning-border, #f2a900); }
    .actions { margin: var(--preau-space-3, 0.75rem) 0; }
    input[type='file'] { width: 100%; }
    .body :is(p, ul, ol) { margin: 0.4rem 0; }
    ul.files { list-style: none; padding: 0; display: grid; gap: var(--preau-space-1, 0.25rem); }
    ul.files a { display: inline-flex; min-height: var(--preau-target, 44px); align-items: center; }
  `];


  private apiConsumer = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private languageConsumer = new ContextConsumer(this, { context: languageContext, subscribe: true });
  private userConsumer = new ContextConsumer(this, { context: userContext, subscribe: true });
  private childConsumer = new ContextConsumer(this, { context: childContext, subscribe: true });

  protected get api() {
    return this.apiConsumer.value!;
  }
  protected get language(): Language {
    return this.languageConsumer.value ?? 'fr';
  }
  protected get user() {
    return this.userConsumer.value;
  }
  protected get child() {
    return this.childConsumer.value;
  }
  protected get isStaff(): boolean {
    return this.user?.profile === 'Teacher' || this.user?.profile === 'Personnel';
  }
  protected t(key: TextKey): string {
    return text(key, this.language);
  }
  protected f(key: TextKey, values: Record<string, string | number>): string {
    return format(key, this.language, values);
  }
  protected message(error: unknown): string {
    return error instanceof ApiError ? error.message : String(error);
  }
  /** Moves within the app (the shell follows same-origin links and this event). */
  protected go(path: string): void {
    this.dispatchEvent(new CustomEvent('preau-navigate', { detail: `/apps/liaison${path}`, bubbles: true, composed: true }));
  }
}
