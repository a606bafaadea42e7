import { LitElement, type PropertyDeclarations } from 'lit';
import { format, text, type Language, type TextKey } from './i18n.js';

/**
 * The one way a shell component gets its texts: it takes the `language` the page gives it and reads the shell's
 * catalogue with `t('key')`, or `f('key', { name })` for a text with values. A base class rather than a mixin:
 * TypeScript's mixins need a constructor typed `any[]`, and every shell component is a LitElement anyway.
 */
export class ShellElement extends LitElement {
  static override properties: PropertyDeclarations = { language: {} };
  language: Language = 'fr';

  /** The text of `key` in the component's language. */
  protected t(key: TextKey): string {
    return text(key, this.language);
  }

  /** The text of `key` in the component's language, `{name}`s filled from `values`. */
  protected f(key: TextKey, values: Record<string, string | number>): string {
    return format(key, this.language, values);
  }
}
