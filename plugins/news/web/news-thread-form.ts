import { LitElement, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { ApiError, apiContext, languageContext } from '@preau/sdk/web';
import type { Role, Thread } from './api-types.js';
import { text } from './i18n.js';
import { formStyles } from './shared-styles.js';

interface Group { id: number; name: string; kind: string; members: number }
const ROLES: { role: Role; key: 'roleRead' | 'roleContribute' | 'rolePublish' | 'roleManage' }[] = [
  { role: 'read', key: 'roleRead' }, { role: 'contribute', key: 'roleContribute' }, { role: 'publish', key: 'rolePublish' }, { role: 'manage', key: 'roleManage' },
];

/** Creating a thread, or changing one's title, comments and sharing (groups with a role each). Reports `news-saved`. */
export class NewsThreadForm extends LitElement {
  static override properties = { thread: { attribute: false }, schoolId: { attribute: false }, groups: { state: true }, shares: { state: true }, error: { state: true } };
  static override styles = formStyles;
  thread?: Thread;
  schoolId = 0;
  groups: Group[] = [];
  shares: { groupId: number; role: Role }[] = [];
  error = '';
  private api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  private language = new ContextConsumer(this, { context: languageContext, subscribe: true });

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    this.shares = (this.thread?.shares ?? []).map(({ groupId, role }) => ({ groupId, role }));
    try {
      this.groups = (await this.api.value?.get<Group[]>(`/api/news/schools/${this.thread?.schoolId ?? this.schoolId}/groups`)) ?? [];
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body = { title: String(data.get('title')), commentsEnabled: data.get('comments') === 'on', shares: this.shares };
    this.error = '';
    try {
      const saved = this.thread
        ? await this.api.value!.put<Thread>(`/api/news/threads/${this.thread.id}`, body)
        : await this.api.value!.post<Thread>('/api/news/threads', { ...body, schoolId: this.schoolId });
      this.dispatchEvent(new CustomEvent('news-saved', { detail: saved, bubbles: true, composed: true }));
    } catch (error) {
      this.error = error instanceof ApiError ? error.message : String(error);
    }
  }

  override render() {
    const language = this.language.value ?? 'fr';
    const t = (key: Parameters<typeof text>[0]) => text(key, language);
    const unused = this.groups.filter((g) => !this.shares.some((s) => s.groupId === g.id));
    return html`<form @submit=${this.save} aria-label=${this.thread ? this.thread.title : t('newThread')}>
      <label>${t('title')} <input name="title" required maxlength="120" .value=${this.thread?.title ?? ''} /></label>
      <label class="check"><input type="checkbox" name="comments" ?checked=${this.thread?.commentsEnabled ?? true} /> ${t('commentsOn')}</label>
      <fieldset>
        <legend>${t('sharing')}</legend>
        ${this.shares.map((share, index) => {
          const name = this.groups.find((g) => g.id === share.groupId)?.name ?? this.thread?.shares?.find((s) => s.groupId === share.groupId)?.groupName ?? String(share.groupId);
          return html`<div class="actions">
            <label>${t('role')} — ${name}
              <select @change=${(e: Event) => (this.shares = this.shares.map((s, i) => (i === index ? { ...s, role: (e.target as HTMLSelectElement).value as Role } : s)))}>
                ${ROLES.map(({ role, key }) => html`<option value=${role} ?selected=${role === share.role}>${t(key)}</option>`)}
              </select>
            </label>
            <button type="button" aria-label="${t('remove')} ${name}" @click=${() => (this.shares = this.shares.filter((_, i) => i !== index))}>${t('remove')}</button>
          </div>`;
        })}
        ${unused.length ? html`<label>${t('addShare')}
          <select @change=${(e: Event) => {
            const select = e.target as HTMLSelectElement;
            if (select.value) this.shares = [...this.shares, { groupId: Number(select.value), role: 'read' }];
            select.value = '';
          }}>
            <option value="">—</option>
            ${unused.map((g) => html`<option value=${g.id}>${g.name} (${g.members})</option>`)}
          </select>
        </label>` : nothing}
      </fieldset>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      <div class="actions"><button type="submit" class="primary">${t('save')}</button></div>
    </form>`;
  }
}
customElements.define('news-thread-form', NewsThreadForm);

declare global {
  interface HTMLElementTagNameMap {
    'news-thread-form': NewsThreadForm;
  }
}
