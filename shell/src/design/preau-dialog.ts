import { LitElement, css, html } from 'lit';

const CLOSE = { fr: 'Fermer', en: 'Close' };

/**
 * A modal dialog on the native `<dialog>` (focus kept inside, Escape closes, the page behind is inert):
 * `<preau-dialog heading="Supprimer le fil ?">texte<div slot="actions">…</div></preau-dialog>`, opened with
 * `show()`, closed with `close()`; dispatches `close`. Full width on a phone.
 */
export class PreauDialog extends LitElement {
  static override properties = { heading: {}, language: {} };
  static override styles = css`
    dialog { border: 0; border-radius: var(--preau-radius, 10px); padding: 0; width: min(36rem, calc(100vw - 1.5rem)); max-height: calc(100vh - 2rem);
      box-shadow: var(--preau-shadow-raised, 0 4px 16px rgb(0 0 0 / 0.2)); color: var(--preau-fg, #1b1f2a); background: var(--preau-surface, #fff); }
    dialog::backdrop { background: rgb(27 31 42 / 0.5); }
    header { display: flex; align-items: center; justify-content: space-between; gap: var(--preau-space-3, 0.75rem); padding: var(--preau-space-3, 0.75rem) var(--preau-space-4, 1rem); border-bottom: 1px solid var(--preau-border-subtle, #d5d9e2); }
    h2 { margin: 0; font-size: var(--preau-text-h2, 1.3rem); }
    .body { padding: var(--preau-space-4, 1rem); }
    .actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: var(--preau-space-3, 0.75rem); padding: 0 var(--preau-space-4, 1rem) var(--preau-space-4, 1rem); }
    .close { font: inherit; font-size: 1.4rem; min-width: var(--preau-target, 44px); min-height: var(--preau-target, 44px); border: 0; border-radius: var(--preau-radius-control, 8px); background: transparent; cursor: pointer; color: inherit; }
    .close:hover { background: var(--preau-surface-alt, #eef1f7); }
    :focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
  `;
  heading = '';
  language: 'fr' | 'en' = 'fr';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  /** Opens the dialog (modal). */
  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
  }

  /** Closes it; `close` is dispatched. */
  close(): void {
    this.dialog?.close();
  }

  override render() {
    return html`<dialog aria-labelledby="heading" @close=${() => this.dispatchEvent(new Event('close'))}>
      <header><h2 id="heading">${this.heading}</h2>
        <button class="close" type="button" aria-label=${CLOSE[this.language]} @click=${() => this.close()}><span aria-hidden="true">×</span></button></header>
      <div class="body"><slot></slot></div>
      <div class="actions"><slot name="actions"></slot></div>
    </dialog>`;
  }
}
customElements.define('preau-dialog', PreauDialog);

declare global {
  interface HTMLElementTagNameMap {
    'preau-dialog': PreauDialog;
  }
}
