import { LitElement, css, html } from 'lit';

/** One tab: with `href` the tabs are links between pages (a nav with `aria-current`), else ARIA tabs. */
export interface PreauTab {
  id: string;
  label: string;
  href?: string;
}

/**
 * Tabs: `<preau-tabs label="Vue" .tabs=${[{ id, label }]} selected="week" @preau-tab-change=${…}>`. Without
 * `href`, an ARIA tablist (arrow keys move and select; the author shows the matching panel, `aria-labelledby`
 * being `tab-<id>` is not reachable across shadow roots, so panels are named by the tab's label); with `href`,
 * a row of links for pages (the administration's tabs). It scrolls sideways on a phone instead of the page.
 */
export class PreauTabs extends LitElement {
  static override properties = { tabs: { attribute: false }, selected: {}, label: {} };
  static override styles = css`
    :host { display: block; margin: 0 0 var(--preau-space-4, 1rem); }
    .row { display: flex; gap: var(--preau-space-1, 0.25rem); overflow-x: auto; border-bottom: 2px solid var(--preau-border-subtle, #d5d9e2); list-style: none; margin: 0; padding: 0; scrollbar-width: thin; }
    .tab { font: inherit; font-weight: 600; white-space: nowrap; display: inline-flex; align-items: center; min-height: var(--preau-target, 44px); padding: 0 var(--preau-space-4, 1rem);
      border: 0; border-bottom: 3px solid transparent; margin-bottom: -2px; background: transparent; color: var(--preau-muted, #4a5263); cursor: pointer; text-decoration: none; }
    .tab:hover { color: var(--preau-fg, #1b1f2a); background: var(--preau-surface-alt, #eef1f7); }
    .tab[aria-selected='true'], .tab[aria-current='page'] { color: var(--preau-accent, #1f5fbf); border-bottom-color: var(--preau-accent, #1f5fbf); }
    .tab:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: -3px; }
  `;
  tabs: PreauTab[] = [];
  selected = '';
  label = '';

  private choose(id: string, focus: boolean): void {
    this.selected = id;
    this.dispatchEvent(new CustomEvent('preau-tab-change', { detail: id, bubbles: true, composed: true }));
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)?.focus());
  }

  private keydown(event: KeyboardEvent): void {
    const index = this.tabs.findIndex((tab) => tab.id === this.selected);
    const last = this.tabs.length - 1;
    const next = event.key === 'ArrowRight' ? (index >= last ? 0 : index + 1) : event.key === 'ArrowLeft' ? (index <= 0 ? last : index - 1)
      : event.key === 'Home' ? 0 : event.key === 'End' ? last : -1;
    if (next < 0) return;
    event.preventDefault();
    this.choose(this.tabs[next]!.id, true);
  }

  override render() {
    if (this.tabs.some((tab) => tab.href)) {
      return html`<nav aria-label=${this.label}><ul class="row">${this.tabs.map((tab) => html`<li><a class="tab" data-id=${tab.id} href=${tab.href ?? '#'} aria-current=${tab.id === this.selected ? 'page' : 'false'}>${tab.label}</a></li>`)}</ul></nav>`;
    }
    return html`<div class="row" role="tablist" aria-label=${this.label} @keydown=${this.keydown}>
      ${this.tabs.map((tab) => html`<button class="tab" type="button" role="tab" data-id=${tab.id} aria-selected=${String(tab.id === this.selected)} tabindex=${tab.id === this.selected ? 0 : -1} @click=${() => this.choose(tab.id, false)}>${tab.label}</button>`)}
    </div>`;
  }
}
customElements.define('preau-tabs', PreauTabs);

declare global {
  interface HTMLElementTagNameMap {
    'preau-tabs': PreauTabs;
  }
}
