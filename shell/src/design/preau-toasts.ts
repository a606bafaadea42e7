import { LitElement, css, html } from 'lit';
import { TOAST_EVENT, type ToastRequest } from '@preau/sdk/web';

const CLOSE = { fr: 'Fermer', en: 'Close' };
/** How long a toast stays (an error stays until closed: it may need reading twice). */
const TOAST_MS = 6000;

interface Toast extends ToastRequest {
  id: number;
}

/** The shell's toasts (one place for the whole page), fed by the SDK's `showToast()`; announced by screen readers. */
export class PreauToasts extends LitElement {
  static override properties = { toasts: { state: true }, language: {} };
  static override styles = css`
    :host { position: fixed; left: var(--preau-space-3, 0.75rem); right: var(--preau-space-3, 0.75rem); bottom: var(--preau-space-4, 1rem); z-index: 50; max-width: 28rem; margin: 0 auto; pointer-events: none; }
    ol { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--preau-space-2, 0.5rem); }
    li { pointer-events: auto; display: flex; align-items: center; gap: var(--preau-space-3, 0.75rem); padding: var(--preau-space-2, 0.5rem) var(--preau-space-2, 0.5rem) var(--preau-space-2, 0.5rem) var(--preau-space-4, 1rem);
      border-radius: var(--preau-radius, 10px); background: var(--preau-fg, #1b1f2a); color: #fff; box-shadow: var(--preau-shadow-raised, 0 4px 16px rgb(0 0 0 / 0.2)); }
    li.success { background: var(--preau-success, #1d6b35); }
    li.error { background: var(--preau-danger, #b3261e); }
    span { flex: 1; }
    button { font: inherit; font-size: 1.3rem; min-width: var(--preau-target, 44px); min-height: var(--preau-target, 44px); border: 0; border-radius: var(--preau-radius-control, 8px); background: transparent; color: inherit; cursor: pointer; }
    button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: -3px; }
  `;
  toasts: Toast[] = [];
  language: 'fr' | 'en' = 'fr';
  private next = 1;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener(TOAST_EVENT, this.add);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(TOAST_EVENT, this.add);
  }

  private add = (event: Event): void => {
    const request = (event as CustomEvent<ToastRequest>).detail;
    const toast: Toast = { id: this.next++, message: request.message, tone: request.tone ?? 'info' };
    this.toasts = [...this.toasts, toast];
    if (toast.tone !== 'error') setTimeout(() => this.dismiss(toast.id), TOAST_MS);
  };

  private dismiss(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
  }

  // Two live regions, always in the page: screen readers announce what is added to a region already there.
  override render() {
    const list = (tones: string[], role: string) => html`<div role=${role}><ol>${this.toasts.filter((toast) => tones.includes(toast.tone!)).map((toast) => html`<li class=${toast.tone!}>
      <span>${toast.message}</span><button type="button" aria-label=${CLOSE[this.language]} @click=${() => this.dismiss(toast.id)}><span aria-hidden="true">×</span></button></li>`)}</ol></div>`;
    return html`${list(['info', 'success'], 'status')}${list(['error'], 'alert')}`;
  }
}
customElements.define('preau-toasts', PreauToasts);

declare global {
  interface HTMLElementTagNameMap {
    'preau-toasts': PreauToasts;
  }
}
