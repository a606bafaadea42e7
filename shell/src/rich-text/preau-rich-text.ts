import { drawFormula, isSafeLatex } from './draw-formula.js';

/**
 * Shows rich text the server has sanitized (a message, a word, a news item) the way the editor showed it while
 * it was written: formulas drawn, the rest as HTML. `<preau-rich-text .html=${body}>`. It renders in its own
 * light DOM, so the app's styles for its text apply.
 */
export class PreauRichText extends HTMLElement {
  private content = '';

  /** The rich text, as the API returns it (already sanitized on the server). */
  get html(): string {
    return this.content;
  }

  set html(value: string) {
    this.content = value ?? '';
    if (this.isConnected) this.show();
  }

  connectedCallback(): void {
    if (!this.style.display) this.style.display = 'block';
    this.show();
  }

  private show(): void {
    this.innerHTML = this.content;
    // Recordings fit the text's width (a phone's too), whatever the app's styles.
    for (const player of this.querySelectorAll<HTMLElement>('video, audio')) player.style.maxWidth = '100%';
    for (const formula of this.querySelectorAll<HTMLElement>('[data-type="inline-math"], [data-type="block-math"]')) {
      const latex = formula.dataset.latex ?? '';
      if (latex && isSafeLatex(latex)) drawFormula(latex, formula, formula.dataset.type === 'block-math');
    }
  }
}
customElements.define('preau-rich-text', PreauRichText);

declare global {
  interface HTMLElementTagNameMap {
    'preau-rich-text': PreauRichText;
  }
}
