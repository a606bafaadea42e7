import { LitElement, css, type CSSResultGroup } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, childContext, languageContext, userContext } from '@preau/sdk/web';
import { format, text, type Language, type TextKey } from './i18n.js';

/** What every element of the cahier shares: the API, the user, the language, the followed child, texts and styles. */
export class TextbookElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host { display: block; }
    button, .button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #1f5fbf;
      background: #fff; color: #1f5fbf; cursor: pointer; text-decoration: none; display: inline-flex; align-items: center; gap: 0.4rem; }
    button.primary, .button.primary { background: #1f5fbf; color: #fff; }
    button.danger { border-color: #b3261e; color: #b3261e; }
    :is(button, a, input, select, textarea, summary):focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .card { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 0.75rem 1rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); }
    .muted { color: var(--preau-muted, #4a5263); }
    .tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; background: #e8eefb; color: #1b3f80; }
    .tag.warning { background: #fff3cd; color: #5c4400; }
    .tag.late { background: #fde7e6; color: #8c1d18; }
    .error { color: #b3261e; font-weight: 600; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; align-items: center; }
    label { display: grid; gap: 0.25rem; font-weight: 600; }
    label.inline { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; min-height: 44px; }
    input, select, textarea { font: inherit; padding: 0.5rem; border: 1px solid #6b7385; border-radius: 6px; min-height: 44px; box-sizing: border-box; max-width: 100%; }
    input[type='checkbox'] { min-height: auto; width: 1.4rem; height: 1.4rem; }
    fieldset { border: 1px solid #c5cad6; border-radius: 8px; padding: 0.75rem; display: grid; gap: 0.5rem; min-width: 0; }
    legend { font-weight: 700; padding: 0 0.25rem; }
    a { color: #1f5fbf; }
    ul.plain { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
    h2, h3, h4 { margin: 0.75rem 0 0.25rem; }
    .body { overflow-wrap: anywhere; }
    .body :is(p, ul, ol) { margin: 0.3rem 0; }
    .body img { max-width: 100%; height: auto; }
  `;

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
    return this.user?.profile === 'Teacher' || this.user?.profile === 'Personnel' || this.user?.profile === 'Guest';
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
  /** Moves within the app (the shell follows this event). */
  protected go(path: string): void {
    this.dispatchEvent(new CustomEvent('preau-navigate', { detail: `/apps/textbook${path}`, bubbles: true, composed: true }));
  }
}
