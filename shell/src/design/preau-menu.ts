import { LitElement, css, html } from 'lit';

/**
 * A small actions menu: a "⋯" button (named by `label`, e.g. « Actions : Sortie au musée ») that shows the
 * buttons or links put inside it, under it. A disclosure rather than an ARIA menu: Tab moves through the actions,
 * Escape or a click elsewhere closes it, choosing an action closes it.
 *
 * `<preau-menu label="Actions : …"><button @click=…>Masquer</button></preau-menu>`
 */
export class PreauMenu extends LitElement {
  static override properties = { label: {}, open: { type: Boolean, reflect: true } };
  static override styles = css`
    :host { display: inline-block; position: relative; }
    .trigger { font: inherit; font-size: 1.25rem; line-height: 1; min-width: var(--preau-target, 44px); min-height: var(--preau-target, 44px); border-radius: var(--preau-radius-control, 8px);
      border: 1px solid transparent; background: transparent; color: var(--preau-fg, #1b1f2a); cursor: pointer; }
    .trigger:hover, :host([open]) .trigger { background: var(--preau-surface-alt, #eef1f7); border-color: var(--preau-border-subtle, #d5d9e2); }
    .trigger:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
    .popup { position: absolute; right: 0; top: calc(100% + 4px); z-index: 20; display: grid; min-width: 12rem; max-width: calc(100vw - 2rem);
      padding: var(--preau-space-1, 0.25rem); background: var(--preau-surface, #fff); border: 1px solid var(--preau-border-subtle, #d5d9e2);
      border-radius: var(--preau-radius-control, 8px); box-shadow: var(--preau-shadow-raised, 0 4px 16px rgb(0 0 0 / 0.2)); }
    .popup[hidden] { display: none; }
    ::slotted(button), ::slotted(a) { font: inherit; text-align: left; display: flex; align-items: center; min-height: var(--preau-target, 44px); padding: 0 var(--preau-space-3, 0.75rem);
      border: 0; border-radius: var(--preau-radius-sm, 6px); background: transparent; color: var(--preau-fg, #1b1f2a); cursor: pointer; text-decoration: none; }
    ::slotted(button:hover), ::slotted(a:hover) { background: var(--preau-accent-soft, #eef3fc); }
    ::slotted(button:focus-visible), ::slotted(a:focus-visible) { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: -3px; }
  `;
  label = '';
  open = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.keydown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.keydown);
    document.removeEventListener('click', this.outside, true);
  }

  private keydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this.toggle(false);
    this.renderRoot.querySelector<HTMLButtonElement>('.trigger')?.focus();
  };

  private outside = (event: Event): void => {
    if (!event.composedPath().includes(this)) this.toggle(false);
  };

  private async toggle(open: boolean): Promise<void> {
    this.open = open;
    if (open) {
      document.addEventListener('click', this.outside, true);
      await this.updateComplete;
      // The first action gets the focus, as a native menu does.
      [...this.children].find((child): child is HTMLElement => child instanceof HTMLElement && !child.hasAttribute('disabled'))?.focus();
    } else {
      document.removeEventListener('click', this.outside, true);
    }
  }

  override render() {
    return html`<button class="trigger" type="button" aria-label=${this.label} title=${this.label} aria-expanded=${String(this.open)} @click=${() => this.toggle(!this.open)}><span aria-hidden="true">⋯</span></button>
      <div class="popup" ?hidden=${!this.open} @click=${() => this.toggle(false)}><slot></slot></div>`;
  }
}
customElements.define('preau-menu', PreauMenu);

declare global {
  interface HTMLElementTagNameMap {
    'preau-menu': PreauMenu;
  }
}
