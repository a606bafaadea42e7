import { LitElement, css, type CSSResultGroup } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, childContext, languageContext, preauStyles, userContext } from '@preau/sdk/web';
import { format, text, type Language, type TextKey } from './i18n.js';

/** What every element of the cahier shares: the API, the user, the language, the followed child, texts and styles. */
export class TextbookElement extends LitElement {
  // Préau's design system (buttons, fields, cards, lists, focus, contrast AA), then what only the cahier shows.
  static override styles: CSSResultGroup = [preauStyles, css`
    .tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; background: #e8eefb; color: #1b3f80; }
    .tag.warning { background: #fff3cd; color: #5c4400; }
    .tag.late { background: #fde7e6; color: #8c1d18; }
    label.inline { display: flex; align-items: center; gap: 0.5rem; font-weight: 400; min-height: 44px; }
    .body { overflow-wrap: anywhere; }
    .body :is(p, ul, ol) { margin: 0.3rem 0; }
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
