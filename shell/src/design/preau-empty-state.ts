import { LitElement, css, html } from 'lit';

/**
 * What a list shows when it has nothing, saying what to do next:
 * `<preau-empty-state heading="Aucun message">Écrivez le premier.<button slot="action">Écrire</button></preau-empty-state>`.
 */
export class PreauEmptyState extends LitElement {
  static override properties = { heading: {} };
  static override styles = css`
    :host { display: grid; justify-items: center; gap: var(--preau-space-2, 0.5rem); text-align: center; padding: var(--preau-space-6, 2rem) var(--preau-space-4, 1rem);
      background: var(--preau-surface, #fff); border: 2px dashed var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius, 10px); color: var(--preau-muted, #4a5263); }
    svg { width: 3rem; height: 3rem; color: var(--preau-accent, #1f5fbf); }
    p { margin: 0; font-weight: 700; font-size: var(--preau-text-h3, 1.1rem); color: var(--preau-fg, #1b1f2a); }
  `;
  heading = '';

  override render() {
    return html`<svg viewBox="0 0 48 48" aria-hidden="true" focusable="false"><rect x="8" y="12" width="32" height="26" rx="4" fill="none" stroke="currentColor" stroke-width="3"/><path d="M8 24h10l2 4h8l2-4h10" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round"/></svg>
      <p>${this.heading}</p><slot></slot><slot name="action"></slot>`;
  }
}
customElements.define('preau-empty-state', PreauEmptyState);

declare global {
  interface HTMLElementTagNameMap {
    'preau-empty-state': PreauEmptyState;
  }
}
