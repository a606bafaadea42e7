import { LitElement, css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, formProblem, languageContext, preauStyles } from '@preau/sdk/web';
import { text, type Word } from './strings.js';

interface Pick { kind: 'user' | 'group'; id: number; label: string }
interface Picked { to: Pick[]; cc: Pick[]; bcc: Pick[] }
interface Attachment { blobId: string; name: string; size: number }
/** What compose starts from: a reply, a forward, or nothing. */
export interface ComposeStart { subject?: string; to?: Picked; parentId?: number; forwardOf?: number; attachments?: Attachment[]; body?: string }

/**
 * Writes a message: the shell's recipient picker and editor, attachments streamed to the server, a draft saved
 * while typing (every 3 s of quiet). Emits `messaging-sent` once sent.
 */
export class MessagingCompose extends LitElement {
  static override properties = { start: { attribute: false }, error: { state: true }, status: { state: true }, files: { state: true } };
  static override styles = [preauStyles, css`
    form { max-width: none; }
    ul { margin: 0; padding-left: 1.25rem; }
    [role='alert'] { color: var(--preau-danger, #b3261e); font-weight: 600; }
  `];

  start: ComposeStart = {};
  error = '';
  status = '';
  files: Attachment[] = [];
  private picked: Picked = { to: [], cc: [], bcc: [] };
  private draftId: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  private t(word: Word): string {
    return text(word, this.language.value ?? 'fr');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.files = [...(this.start.attachments ?? [])];
    this.picked = this.start.to ?? { to: [], cc: [], bcc: [] };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private payload() {
    const ids = (row: Pick[]) => ({ users: row.filter((r) => r.kind === 'user').map((r) => r.id), groups: row.filter((r) => r.kind === 'group').map((r) => r.id) });
    const root = this.renderRoot;
    return {
      to: ids(this.picked.to), cc: ids(this.picked.cc), bcc: ids(this.picked.bcc),
      subject: root.querySelector<HTMLInputElement>('#subject')?.value ?? '',
      body: root.querySelector<HTMLElement & { value: string }>('preau-editor')?.value ?? '',
      attachments: this.files.map((f) => f.blobId),
      noReply: root.querySelector<HTMLInputElement>('#no-reply')?.checked ?? false,
      ...(this.start.parentId ? { parentId: this.start.parentId } : {}),
      ...(this.start.forwardOf ? { forwardOf: this.start.forwardOf } : {}),
    };
  }

  /** Saves the draft after a pause in typing. */
  private changed = (): void => {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveDraft(), 3000);
  };

  private async saveDraft(): Promise<void> {
    const api = this.api.value;
    if (!api) return;
    const body = this.payload();
    // Recipients alone are not worth a draft: "Nouveau message", a name typed in "À", then leaving made an
    // empty "(sans objet)" in Brouillons.
    if (this.draftId === undefined && !body.subject.trim() && !body.body && body.attachments.length === 0) return;
    try {
      delete (body as { parentId?: number }).parentId;
      this.draftId = this.draftId === undefined ? (await api.post<{ id: number }>('/api/messaging/drafts', body)).id : (await api.put<{ id: number }>(`/api/messaging/drafts/${this.draftId}`, body)).id;
      this.status = this.t('draftSaved');
    } catch {
      /* A draft that could not be saved is saved at the next pause. */
    }
  }

  private async attach(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    if (!input.files?.length) return;
    const form = new FormData();
    for (const file of input.files) form.append('file', file, file.name);
    try {
      this.files = [...this.files, ...(await this.api.value!.upload<Attachment[]>('/api/messaging/attachments', form))];
      input.value = '';
      this.changed();
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    clearTimeout(this.timer);
    this.error = this.problem(event.target as HTMLFormElement);
    if (this.error) return;
    try {
      const body = this.payload();
      const url = this.draftId === undefined ? '/api/messaging/messages' : `/api/messaging/drafts/${this.draftId}/send`;
      const sent = await this.api.value!.post<{ id: number; state: string }>(url, body);
      this.status = sent.state === 'pending' ? this.t('pending') : this.t('sentOk');
      this.dispatchEvent(new CustomEvent('messaging-sent', { detail: sent, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? `${error.message}${this.refusedNames(error)}` : String(error);
    }
  }

  /** The refused recipients by the names chosen for them (the server gives only their ids). */
  private refusedNames(error: ApiError): string {
    const refused = (error.details as { refused?: { users?: number[]; groups?: number[] } } | undefined)?.refused;
    if (!refused) return '';
    const all = [...this.picked.to, ...this.picked.cc, ...this.picked.bcc];
    const names = [
      ...all.filter((p) => p.kind === 'user' && refused.users?.includes(p.id)),
      ...all.filter((p) => p.kind === 'group' && refused.groups?.includes(p.id)),
    ].map((p) => p.label).filter(Boolean);
    return names.length ? ` (${[...new Set(names)].join(', ')})` : '';
  }

  /** What the server would refuse, told before sending and in the same words. */
  private problem(form: HTMLFormElement): string {
    const problem = formProblem(form, this.language.value ?? 'fr');
    if (problem) return problem;
    if ([...this.picked.to, ...this.picked.cc, ...this.picked.bcc].length > 0) return '';
    this.renderRoot.querySelector<HTMLElement>('preau-recipient-picker')?.shadowRoot?.querySelector<HTMLElement>('preau-recipient-field')?.focus();
    return this.t('noRecipient');
  }

  override render() {
    return html`
      <form novalidate @submit=${this.send} @input=${this.changed} aria-label=${this.t('compose')}>
        <preau-recipient-picker .value=${this.picked} @preau-change=${(e: CustomEvent<Picked>) => { this.picked = e.detail; this.changed(); }}></preau-recipient-picker>
        <label>${this.t('subject')}<input id="subject" type="text" maxlength="250" .value=${this.start.subject ?? ''} /></label>
        <preau-editor label=${this.t('body')} .value=${this.start.body ?? ''} @preau-change=${this.changed}></preau-editor>
        <label>${this.t('attach')}<input id="file" type="file" multiple @change=${this.attach} /></label>
        ${this.files.length ? html`<ul aria-label=${this.t('attachments')}>${this.files.map((f) => html`<li>${f.name}</li>`)}</ul>` : nothing}
        <label class="check"><input id="no-reply" type="checkbox" />${this.t('noReply')}</label>
        <div class="actions"><button type="submit">${this.t('send')}</button></div>
        <p role="status">${this.status}</p>
        ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      </form>
    `;
  }
}
customElements.define('messaging-compose', MessagingCompose);
declare global {
  interface HTMLElementTagNameMap {
    'messaging-compose': MessagingCompose;
  }
}
