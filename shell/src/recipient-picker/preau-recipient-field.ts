import { LitElement, css, html, nothing } from 'lit';
import type { ApiClient } from '@preau/sdk/web';
import { recipientKey, recipientText, suggestions, type DirectorySearch, type Language, type Recipient, type Suggestion } from './recipient-types.js';

const TEXT = {
  remove: { fr: 'Retirer', en: 'Remove' },
  suggestions: { fr: 'Suggestions', en: 'Suggestions' },
  none: { fr: 'Aucun destinataire trouvé', en: 'No recipient found' },
  count: { fr: (n: number) => `${n} suggestion${n > 1 ? 's' : ''}`, en: (n: number) => `${n} suggestion${n > 1 ? 's' : ''}` },
  failed: { fr: 'La recherche a échoué.', en: 'The search failed.' },
  hint: { fr: 'Tapez un nom, un groupe…', en: 'Type a name, a group…' },
};

const SEARCH_DELAY_MS = 200;
const MIN_QUERY = 2;
let fieldCount = 0;

/**
 * One row of the recipient picker ("À", "Cc" or "Cci"): the chosen recipients as chips, and a combobox that
 * searches the directory (ARIA 1.2 combobox with a listbox popup). Arrows move in the suggestions, Enter
 * adds one, Escape closes them, Backspace in the empty input removes the last chip.
 */
export class PreauRecipientField extends LitElement {
  static override properties = {
    label: {},
    recipients: { attribute: false },
    exclude: { attribute: false },
    api: { attribute: false },
    language: {},
    query: { state: true },
    options: { state: true },
    open: { state: true },
    active: { state: true },
    status: { state: true },
  };
  static override styles = css`
    :host { display: block; }
    .row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem; padding: 0.25rem 0.5rem; border: 1px solid #6b7385; border-radius: 8px; background: var(--preau-surface, #fff); position: relative; }
    .row:focus-within { border-color: var(--preau-accent, #1f5fbf); box-shadow: 0 0 0 1px var(--preau-accent, #1f5fbf); }
    .label { font-weight: 600; min-width: 2rem; }
    ul.chips { display: contents; list-style: none; }
    .chip { display: inline-flex; align-items: center; gap: 0.25rem; padding: 0.1rem 0.1rem 0.1rem 0.6rem; border-radius: 999px; background: #e3ebf8; }
    .chip.group { background: #e4f3e6; }
    .chip button { font: inherit; min-width: 2rem; min-height: 2rem; border: 0; border-radius: 999px; background: transparent; cursor: pointer; }
    .chip button:hover { background: rgb(0 0 0 / 0.08); }
    input { flex: 1 1 10rem; min-width: 8rem; min-height: 2.5rem; border: 0; font: inherit; background: transparent; }
    input:focus { outline: none; }
    button:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 1px; }
    [role='listbox'], .popup { position: absolute; z-index: 5; left: 0; right: 0; top: 100%; margin: 2px 0 0; padding: 0.25rem 0; list-style: none; background: #fff; border: 1px solid #6b7385; border-radius: 8px; box-shadow: 0 4px 12px rgb(0 0 0 / 0.15); max-height: 18rem; overflow: auto; }
    [role='option'] { display: flex; justify-content: space-between; gap: 1rem; padding: 0.5rem 0.75rem; min-height: 2rem; cursor: pointer; }
    [role='option'][aria-selected='true'] { background: #d6e4fa; outline: 2px solid var(--preau-accent, #1f5fbf); outline-offset: -2px; }
    .detail { color: var(--preau-muted, #4a5263); font-size: 0.9em; }
    .empty { padding: 0.5rem 0.75rem; color: var(--preau-muted, #4a5263); }
    [hidden] { display: none !important; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (pointer: coarse), (max-width: 40rem) { .chip button { min-width: 44px; min-height: 44px; } [role='option'] { min-height: 44px; align-items: center; } }
  `;

  label = '';
  recipients: Recipient[] = [];
  /** Recipients already chosen in another row: not suggested again. */
  exclude: ReadonlySet<string> = new Set();
  api?: ApiClient;
  language: Language = 'fr';
  query = '';
  options: Suggestion[] = [];
  open = false;
  active = -1;
  status = '';

  private readonly uid = `recipients-${(fieldCount += 1)}`;
  private timer?: ReturnType<typeof setTimeout>;
  private searchCount = 0;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private change(recipients: Recipient[]): void {
    this.recipients = recipients;
    this.dispatchEvent(new CustomEvent<Recipient[]>('recipients-change', { detail: recipients }));
  }

  private typed(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    if (this.query.trim().length < MIN_QUERY) {
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.search(this.query.trim()), SEARCH_DELAY_MS);
  }

  private async search(query: string): Promise<void> {
    if (!this.api) return;
    const count = (this.searchCount += 1);
    try {
      const found = await this.api.get<DirectorySearch>(`/api/core/directory/search?q=${encodeURIComponent(query)}&limit=10`);
      if (count !== this.searchCount) return;
      const taken = new Set([...this.exclude, ...this.recipients.map(recipientKey)]);
      this.options = suggestions(found, this.language).filter((option) => !taken.has(recipientKey(option.recipient)));
      this.open = true;
      this.active = this.options.length ? 0 : -1;
      this.status = this.options.length ? TEXT.count[this.language](this.options.length) : TEXT.none[this.language];
    } catch {
      if (count === this.searchCount) this.status = TEXT.failed[this.language];
    }
  }

  private close(): void {
    this.searchCount += 1;
    this.open = false;
    this.options = [];
    this.active = -1;
  }

  private choose(option: Suggestion): void {
    this.change([...this.recipients, option.recipient]);
    this.query = '';
    this.close();
    this.status = '';
    this.focus();
  }

  private removeRecipient(recipient: Recipient): void {
    this.change(this.recipients.filter((r) => recipientKey(r) !== recipientKey(recipient)));
    this.focus();
  }

  private keydown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.open && this.query.trim().length >= MIN_QUERY) void this.search(this.query.trim());
        else if (count) this.active = (this.active + 1) % count;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (count) this.active = this.active <= 0 ? count - 1 : this.active - 1;
        break;
      case 'Enter':
        if (this.open && this.options[this.active]) {
          event.preventDefault();
          this.choose(this.options[this.active]!);
        }
        break;
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          event.stopPropagation();
          this.close();
        } else if (this.query) {
          this.query = '';
        }
        break;
      case 'Backspace':
        if (!this.query && this.recipients.length) this.removeRecipient(this.recipients[this.recipients.length - 1]!);
        break;
      default:
        break;
    }
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('active') && this.active >= 0) this.renderRoot.querySelector(`#${this.uid}-option-${this.active}`)?.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const t = (key: 'remove' | 'suggestions' | 'hint') => TEXT[key][this.language];
    const listbox = `${this.uid}-listbox`;
    return html`<div class="row">
      <span class="label" id="${this.uid}-label">${this.label}</span>
      <ul class="chips" aria-labelledby="${this.uid}-label">
        ${this.recipients.map((recipient) => html`<li class="chip ${recipient.kind}">
          <span>${recipientText(recipient)}</span>
          <button type="button" aria-label="${t('remove')} ${recipient.label}" title="${t('remove')} ${recipient.label}" @click=${() => this.removeRecipient(recipient)}>
            <span aria-hidden="true">×</span></button>
        </li>`)}
      </ul>
      <input type="text" role="combobox" autocomplete="off" spellcheck="false"
        aria-labelledby="${this.uid}-label" aria-autocomplete="list" aria-controls=${listbox}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-activedescendant=${this.open && this.active >= 0 ? `${this.uid}-option-${this.active}` : nothing}
        placeholder=${t('hint')} .value=${this.query}
        @input=${this.typed} @keydown=${this.keydown} @blur=${() => setTimeout(() => this.close(), 150)}>
      <ul role="listbox" id=${listbox} aria-label=${t('suggestions')} ?hidden=${!this.open || !this.options.length}>
        ${this.options.map((option, index) => html`<li role="option" id="${this.uid}-option-${index}" aria-selected=${index === this.active ? 'true' : 'false'}
          @mousedown=${(event: Event) => event.preventDefault()} @click=${() => this.choose(option)}>
          <span>${recipientText(option.recipient)}<span class="visually-hidden">, </span></span><span class="detail">${option.detail}</span></li>`)}
      </ul>
      ${this.open && !this.options.length ? html`<p class="popup empty">${TEXT.none[this.language]}</p>` : nothing}
      <p class="visually-hidden" role="status">${this.status}</p>
    </div>`;
  }
}
customElements.define('preau-recipient-field', PreauRecipientField);

declare global {
  interface HTMLElementTagNameMap {
    'preau-recipient-field': PreauRecipientField;
  }
}
