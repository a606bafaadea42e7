import { LitElement, css, html } from 'lit';
import { ContextConsumer } from '@lit/context';
import { languageContext } from '@preau/sdk/web';
import type { PreauEditorView } from './editor-core.js';
import { registerEditorExtension } from './editor-extension-registry.js';

export { registerEditorExtension } from './editor-extension-registry.js';
export type { EditorExtension, EditorHandle, EditorLabel } from './editor-extension-registry.js';

const TEXT = {
  loading: { fr: "Chargement de l'éditeur…", en: 'Loading the editor…' },
  failed: { fr: "L'éditeur n'a pas pu être chargé : rechargez la page.", en: 'The editor could not be loaded: reload the page.' },
};

/** How long typing must pause before `preau-change` reports the HTML. */
const CHANGE_DELAY_MS = 300;

/**
 * The common rich-text editor, `<preau-editor label="Message" .value=${html} @preau-change=${…}>`.
 *
 * This element is all that the shell's initial bundle carries: TipTap, ProseMirror and KaTeX are in
 * `editor-core`, a separate chunk imported the first time an editor is shown.
 *
 * Properties in: `value` (HTML of the rich-text schema), `label` (accessible name), `placeholder`, `name` and
 * `disabled` (inside a `<form>` it submits its HTML like a textarea). Events out: `input` on every change and
 * `preau-change` with `{ html }` once typing pauses or the editor loses the focus.
 */
export class PreauEditor extends LitElement {
  static formAssociated = true;
  /** Reached by the SDK's `registerEditorExtension`: a plugin's bundle cannot import the shell's modules. */
  static registerExtension = registerEditorExtension;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    label: {},
    placeholder: {},
    name: { reflect: true },
    disabled: { type: Boolean, reflect: true },
    language: {},
    state: { state: true },
  };
  static override styles = css`
    :host { display: block; }
    .waiting { min-height: 12rem; margin: 0; padding: 1rem; border: 1px solid #6b7385; border-radius: 8px; color: var(--preau-muted, #4a5263); background: var(--preau-surface, #fff); }
  `;

  label = '';
  placeholder = '';
  name = '';
  disabled = false;
  /** The interface language; by default the shell's. */
  language?: 'fr' | 'en';
  state: 'loading' | 'ready' | 'failed' = 'loading';

  private html = '';
  private view?: PreauEditorView;
  private changeTimer?: ReturnType<typeof setTimeout>;
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();
  private readonly shellLanguage = new ContextConsumer(this, { context: languageContext, subscribe: true });

  /** The content as HTML of the rich-text schema ('' when empty). */
  get value(): string {
    return this.view ? this.view.html : this.html;
  }

  set value(value: string) {
    this.html = value ?? '';
    if (this.view) this.view.html = this.html;
    this.internals?.setFormValue(this.html);
  }

  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.state === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.flushChange();
  }

  private async load(): Promise<void> {
    try {
      await import('./editor-core.js');
      this.state = 'ready';
    } catch (error) {
      console.error(error);
      this.state = 'failed';
    }
  }

  formResetCallback(): void {
    this.value = '';
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  private get currentLanguage(): 'fr' | 'en' {
    return this.language ?? this.shellLanguage.value ?? 'fr';
  }

  protected override updated(): void {
    if (this.state !== 'ready' || this.view) return;
    this.view = this.renderRoot.querySelector('preau-editor-view') ?? undefined;
    if (this.view) this.view.html = this.html;
  }

  private changed(): void {
    this.internals?.setFormValue(this.value);
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    clearTimeout(this.changeTimer);
    this.changeTimer = setTimeout(() => this.flushChange(), CHANGE_DELAY_MS);
  }

  private flushChange(): void {
    if (this.changeTimer === undefined) return;
    clearTimeout(this.changeTimer);
    this.changeTimer = undefined;
    this.dispatchEvent(new CustomEvent('preau-change', { detail: { html: this.value }, bubbles: true, composed: true }));
  }

  override render() {
    const language = this.currentLanguage;
    if (this.state === 'failed') return html`<p class="waiting" role="alert">${TEXT.failed[language]}</p>`;
    if (this.state === 'loading') return html`<p class="waiting" role="status">${TEXT.loading[language]}</p>`;
    return html`<preau-editor-view
      .label=${this.label}
      .placeholder=${this.placeholder}
      .language=${language}
      .disabled=${this.disabled}
      @preau-editor-update=${this.changed}
      @focusout=${this.flushChange}
    ></preau-editor-view>`;
  }
}
customElements.define('preau-editor', PreauEditor);

declare global {
  interface HTMLElementTagNameMap {
    'preau-editor': PreauEditor;
  }
}
