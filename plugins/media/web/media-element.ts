import { LitElement, type CSSResultGroup } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext, preauStyles, userContext } from '@preau/sdk/web';
import { texts, type TextKey } from './texts.js';

/** What every element of the books shares: the API, the user, the language, texts and the design system. */
export class MediaElement extends LitElement {
  static override styles: CSSResultGroup = [preauStyles];

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
    this.dispatchEvent(new CustomEvent('preau-navigate', { detail: `/apps/media${path}`, bubbles: true, composed: true }));
  }
}
