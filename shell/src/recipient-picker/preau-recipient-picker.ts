import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { apiContext, languageContext, type ApiClient } from '@preau/sdk/web';
import { recipientKey, type Language, type Recipient, type Recipients } from './recipient-types.js';
import './preau-recipient-field.js';

export type { Recipient, Recipients } from './recipient-types.js';

type Row = keyof Recipients;

const TEXT: Record<Row | 'showCc' | 'showBcc' | 'group', { fr: string; en: string }> = {
  to: { fr: 'À', en: 'To' },
  cc: { fr: 'Cc', en: 'Cc' },
  bcc: { fr: 'Cci', en: 'Bcc' },
  showCc: { fr: 'Ajouter des destinataires en copie (Cc)', en: 'Add copy recipients (Cc)' },
  showBcc: { fr: 'Ajouter des destinataires en copie cachée (Cci)', en: 'Add blind copy recipients (Bcc)' },
  group: { fr: 'Destinataires', en: 'Recipients' },
};

const empty = (): Recipients => ({ to: [], cc: [], bcc: [] });

/**
 * The "À" field of a message: To, and Cc and Cci revealed by their buttons, each a search of the directory
 * (only people and groups the user may write to). `value` is `{ to, cc, bcc }`; each change emits
 * `preau-change` with that value. The API client comes from the shell's context, or the `api` property.
 */
export class PreauRecipientPicker extends LitElement {
  static override properties = {
    value: { attribute: false },
    api: { attribute: false },
    language: {},
    shown: { state: true },
  };
  static override styles = css`
    :host { display: block; }
    fieldset { border: 0; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
    legend { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .reveal { display: flex; gap: 0.5rem; }
    .reveal button { font: inherit; min-height: 2.25rem; min-width: 3rem; padding: 0 0.75rem; border: 1px solid #6b7385; border-radius: 6px; background: #fff; cursor: pointer; }
    .reveal button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 1px; }
    @media (pointer: coarse), (max-width: 40rem) { .reveal button { min-height: 44px; } }
  `;

  value: Recipients = empty();
  api?: ApiClient;
  language?: Language;
  /** Rows revealed by their button (a row that holds recipients is always shown). */
  shown = new Set<Row>();

  private readonly contextApi = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private readonly contextLanguage = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private get currentLanguage(): Language {
    return this.language ?? this.contextLanguage.value ?? 'fr';
  }

  private visible(row: Row): boolean {
    return row === 'to' || this.shown.has(row) || (this.value[row]?.length ?? 0) > 0;
  }

  private reveal(row: Row): void {
    this.shown = new Set([...this.shown, row]);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`preau-recipient-field[data-row="${row}"]`)?.focus());
  }

  private changed(row: Row, recipients: Recipient[]): void {
    this.value = { ...empty(), ...this.value, [row]: recipients };
    this.dispatchEvent(new CustomEvent<Recipients>('preau-change', { detail: this.value, bubbles: true, composed: true }));
  }

  override render() {
    const language = this.currentLanguage;
    const api = this.api ?? this.contextApi.value;
    const value = { ...empty(), ...this.value };
    const chosen = (except: Row) => new Set((['to', 'cc', 'bcc'] as Row[]).filter((row) => row !== except).flatMap((row) => value[row].map(recipientKey)));
    const field = (row: Row) => html`<preau-recipient-field data-row=${row} .label=${TEXT[row][language]} .language=${language} .api=${api}
      .recipients=${value[row]} .exclude=${chosen(row)}
      @recipients-change=${(event: CustomEvent<Recipient[]>) => this.changed(row, event.detail)}></preau-recipient-field>`;
    return html`<fieldset>
      <legend>${TEXT.group[language]}</legend>
      ${(['to', 'cc', 'bcc'] as Row[]).map((row) => (this.visible(row) ? field(row) : nothing))}
      ${this.visible('cc') && this.visible('bcc') ? nothing : html`<div class="reveal">
        ${this.visible('cc') ? nothing : html`<button type="button" title=${TEXT.showCc[language]} @click=${() => this.reveal('cc')}>${TEXT.cc[language]}</button>`}
        ${this.visible('bcc') ? nothing : html`<button type="button" title=${TEXT.showBcc[language]} @click=${() => this.reveal('bcc')}>${TEXT.bcc[language]}</button>`}
      </div>`}
    </fieldset>`;
  }
}
customElements.define('preau-recipient-picker', PreauRecipientPicker);

declare global {
  interface HTMLElementTagNameMap {
    'preau-recipient-picker': PreauRecipientPicker;
  }
}
