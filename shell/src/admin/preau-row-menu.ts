import { LitElement, css, html } from 'lit';
import { formStyles } from '../styles.js';

/** One entry of a row's menu; `danger` entries are drawn in red (the page confirms them before acting). */
export interface RowMenuItem {
  id: string;
  label: string;
  danger?: boolean;
}

/**
 * A row's actions behind one button (a menu button, WAI-ARIA pattern): arrows move, Escape closes and gives
 * focus back, a choice dispatches `menu-select` with the item's id. Keeps a long table to one button per row.
 */
export class PreauRowMenu extends LitElement {
  static override properties = { label: {}, buttonText: {}, items: { attribute: false }, open: { state: true }, disabled: { type: Boolean } };
  static override styles = [
    formStyles,
    css`
      :host { display: inline-block; position: relative; }
      button.toggle { padding: 0.45rem 0.8rem; }
      ul { position: absolute; right: 0; z-index: 5; list-style: none; margin: 0.25rem 0 0; padding: 0.25rem; min-width: 14rem; max-width: min(20rem, 90vw);
        background: var(--preau-surface, #fff); border: 1px solid var(--preau-border, #6b7385); border-radius: var(--preau-radius-control, 8px); box-shadow: var(--preau-shadow-raised, 0 4px 12px rgb(0 0 0 / 0.2)); }
      li button { display: block; width: 100%; text-align: left; background: var(--preau-surface, #fff); color: var(--preau-fg, #1b1f2a); border-radius: var(--preau-radius-sm, 6px); font-weight: 500; padding: 0.6rem 0.8rem; }
      li button:hover, li button:focus { background: var(--preau-accent-soft, #eef3fc); }
      li button.danger { color: var(--preau-danger, #b3261e); background: #fff; }
      li button.danger:hover, li button.danger:focus { background: var(--preau-danger-soft, #fdeceb); }
    `,
  ];
  label = '';
  /** The button's visible text, a word the label starts with (« Actions » of « Actions pour … »). */
  buttonText = 'Actions';
  items: RowMenuItem[] = [];
  open = false;
  disabled = false;

  private toggleButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector('button.toggle');
  }

  private entries(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('li button')];
  }

  private async show(focusLast = false): Promise<void> {
    this.open = true;
    await this.updateComplete;
    const entries = this.entries();
    (focusLast ? entries.at(-1) : entries[0])?.focus();
  }

  private close(focusToggle: boolean): void {
    this.open = false;
    if (focusToggle) this.toggleButton()?.focus();
  }

  private choose(item: RowMenuItem): void {
    this.close(true);
    this.dispatchEvent(new CustomEvent('menu-select', { detail: item.id, bubbles: true, composed: true }));
  }

  private onMenuKey(event: KeyboardEvent): void {
    const entries = this.entries();
    const index = entries.indexOf(this.renderRoot.querySelector<HTMLButtonElement>('li button:focus') ?? entries[0]!);
    const move = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (move) {
      event.preventDefault();
      entries[(index + move + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      (event.key === 'Home' ? entries[0] : entries.at(-1))?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.close(true);
    } else if (event.key === 'Tab') {
      this.close(false);
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.outside);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.outside);
    super.disconnectedCallback();
  }

  private outside = (event: Event): void => {
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };

  override render() {
    return html`
      <button class="toggle secondary" type="button" aria-haspopup="menu" aria-expanded=${this.open ? 'true' : 'false'} aria-label=${this.label}
        ?disabled=${this.disabled}
        @click=${() => (this.open ? this.close(false) : void this.show())}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            void this.show(event.key === 'ArrowUp');
          }
        }}>${this.buttonText} <span aria-hidden="true">▾</span></button>
      ${this.open
        ? html`<ul role="menu" aria-label=${this.label} @keydown=${this.onMenuKey}>
            ${this.items.map((item) => html`<li role="none"><button type="button" role="menuitem" tabindex="-1" class=${item.danger ? 'danger' : ''}
              @click=${() => this.choose(item)}>${item.label}</button></li>`)}
          </ul>`
        : ''}
    `;
  }
}
customElements.define('preau-row-menu', PreauRowMenu);

declare global {
  interface HTMLElementTagNameMap {
    'preau-row-menu': PreauRowMenu;
  }
}
