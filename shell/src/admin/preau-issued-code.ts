import { LitElement, css, html } from 'lit';
import { formStyles, tableStyles } from '../styles.js';
import { format, text, type Language } from '../i18n.js';
import type { IssuedCode } from '../api-types.js';
import { formatDate, printedCode } from '../format.js';

/** A code just issued to one person, shown once: the server keeps only its hash. */
export class PreauIssuedCode extends LitElement {
  static override properties = { issued: { attribute: false }, name: {}, language: {} };
  static override styles = [
    formStyles,
    tableStyles,
    css`
      .code { font-family: ui-monospace, monospace; font-size: 1.4rem; font-weight: 700; letter-spacing: 0.1em; }
      dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; margin: 0 0 0.75rem; align-items: baseline; }
      dt { font-weight: 600; }
      dd { margin: 0; }
    `,
  ];
  issued?: IssuedCode;
  name = '';
  language: Language = 'fr';

  override render() {
    const issued = this.issued;
    if (!issued) return html``;
    return html`
      <div class="panel notice" role="status">
        <p><strong>${format('codeIssuedFor', this.language, { name: this.name })}</strong></p>
        <dl>
          <dt>${text('login', this.language)}</dt><dd>${issued.login}</dd>
          <dt>${text('activationCode', this.language)}</dt><dd class="code">${printedCode(issued.code)}</dd>
          <dt>${text('validUntil', this.language)}</dt><dd>${formatDate(issued.expiresAt, this.language)}</dd>
        </dl>
        <p>${text('codeShownOnce', this.language)}</p>
      </div>
    `;
  }
}
customElements.define('preau-issued-code', PreauIssuedCode);

declare global {
  interface HTMLElementTagNameMap {
    'preau-issued-code': PreauIssuedCode;
  }
}
