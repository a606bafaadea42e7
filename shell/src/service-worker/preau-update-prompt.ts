import { LitElement, css, html } from 'lit';
import { formStyles } from '../styles.js';
import { text, type Language } from '../i18n.js';
import { UPDATE_READY_EVENT } from './app-worker.js';

/** « Une nouvelle version de Préau est disponible » with « Mettre à jour », when a new worker waits. */
export class PreauUpdatePrompt extends LitElement {
  static override properties = { language: {}, ready: { state: true } };
  static override styles = [
    formStyles,
    css`
      :host { position: fixed; inset: auto 0.75rem 0.75rem 0.75rem; z-index: 20; display: flex; justify-content: center; pointer-events: none; }
      .prompt { pointer-events: auto; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; max-width: 32rem;
        background: var(--preau-surface, #fff); border: 1px solid #d5d9e2; border-radius: var(--preau-radius, 10px); padding: 0.6rem 1rem;
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.15); }
    `,
  ];
  language: Language = 'fr';
  ready = false;
  private readonly show = (): void => void (this.ready = true);

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(UPDATE_READY_EVENT, this.show);
  }

  override disconnectedCallback(): void {
    window.removeEventListener(UPDATE_READY_EVENT, this.show);
    super.disconnectedCallback();
  }

  override render() {
    if (!this.ready) return html``;
    return html`<div class="prompt" role="status">
      <span>${text('updateReady', this.language)}</span>
      <button type="button" @click=${() => window.dispatchEvent(new CustomEvent(`${UPDATE_READY_EVENT}-accepted`))}>${text('updateNow', this.language)}</button>
    </div>`;
  }
}
customElements.define('preau-update-prompt', PreauUpdatePrompt);

declare global {
  interface HTMLElementTagNameMap {
    'preau-update-prompt': PreauUpdatePrompt;
  }
}
