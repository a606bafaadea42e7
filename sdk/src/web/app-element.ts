import { LitElement, type CSSResultGroup } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError } from './api-client.js';
import { apiContext, languageContext, userContext } from './contexts.js';
import { preauStyles } from './design-styles.js';
import type { defineTexts } from './format.js';

/**
 * What an app's elements share: the API, the user and the language from the shell, the app's texts, the design
 * system, an error's message and moves within the app. An app extends it once (`class BlogElement extends
 * AppElement<TextKey>` with its `app` name and `texts`), and its elements extend that.
 */
export abstract class AppElement<Key extends string> extends LitElement {
  static override styles: CSSResultGroup = [preauStyles];

  /** The app's name, as in `/apps/<name>`. */
  protected abstract readonly app: string;
  /** The app's texts (`defineTexts`). */
  protected abstract readonly texts: ReturnType<typeof defineTexts<Key>>;

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
  protected t(key: Key): string {
    return this.texts.text(key, this.language);
  }
  protected f(key: Key, values: Record<string, string | number>): string {
    return this.texts.format(key, this.language, values);
  }
  protected message(error: unknown): string {
    return error instanceof ApiError ? error.message : String(error);
  }
  /** Moves within the app (the shell follows this event). */
  protected go(path: string): void {
    this.dispatchEvent(new CustomEvent('preau-navigate', { detail: `/apps/${this.app}${path}`, bubbles: true, composed: true }));
  }
}
