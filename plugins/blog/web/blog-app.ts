import { html, nothing } from 'lit';
import { showToast } from '@preau/sdk/web';
import type { Blog, Creatable } from './api-types.js';
import { BlogElement } from './blog-element.js';
import './blog-page.js';
import './blog-post-view.js';
import './blog-post-form.js';

/**
 * The blog app: the blogs the user reads (`/`), one blog (`/blogs/:id`), writing in it (`/blogs/:id/new`), one
 * post (`/posts/:id`) and its form (`/posts/:id/edit`). Teachers create their class's blogs, the direction the school's.
 */
export class BlogApp extends BlogElement {
  static override properties = { path: {}, blogs: { state: true }, creatable: { state: true }, error: { state: true }, creating: { state: true } };
  /** The rest of the URL after /apps/blog/, given by the shell. */
  path = '';
  blogs: Blog[] | null = null;
  creatable: Creatable = { classes: [], schools: [] };
  error = '';
  creating = false;

  override willUpdate(changed: Map<string, unknown>): void {
    // Back on the list (after creating a blog, or from one): read it again.
    if (changed.has('path') && !this.path.replace(/^\/+|\/+$/g, '')) void this.load();
  }

  private async load(): Promise<void> {
    try {
      [this.blogs, this.creatable] = await Promise.all([this.api.get<Blog[]>('/api/blog/blogs'), this.api.get<Creatable>('/api/blog/creatable')]);
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const [kind, id] = String(data.get('scope')).split(':');
    const schoolId = kind === 'school' ? Number(id) : this.creatable.classes.find((c) => c.id === Number(id))!.schoolId;
    try {
      const blog = await this.api.post<Blog>('/api/blog/blogs', {
        schoolId, classId: kind === 'class' ? Number(id) : null, title: data.get('title'), description: data.get('description'),
        publication: data.get('publication'), comments: data.get('comments'),
      });
      showToast(this.t('created'), 'success');
      this.go(`/blogs/${blog.id}`);
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private renderCreate() {
    const { classes, schools } = this.creatable;
    if (classes.length === 0 && schools.length === 0) return nothing;
    if (!this.creating) return html`<div class="actions"><button @click=${() => (this.creating = true)}>${this.t('newBlog')}</button></div>`;
    return html`<form class="card" @submit=${this.create}>
      <h2>${this.t('newBlog')}</h2>
      <label>${this.t('forWhom')}<select name="scope" required>
        ${classes.map((c) => html`<option value="class:${c.id}">${this.f('classBlog', { label: c.label })}</option>`)}
        ${schools.map((s) => html`<option value="school:${s.id}">${this.f('schoolBlog', { name: s.name })}</option>`)}
      </select></label>
      <label>${this.t('title')}<input name="title" required maxlength="120" autocomplete="off"></label>
      <label>${this.t('description')}<textarea name="description" maxlength="1000" rows="3"></textarea></label>
      <label>${this.t('publication')}<select name="publication">
        <option value="restrained">${this.t('publicationRestrained')}</option><option value="immediate">${this.t('publicationImmediate')}</option>
      </select></label>
      <label>${this.t('comments')}<select name="comments">
        <option value="moderated">${this.t('commentsModerated')}</option><option value="immediate">${this.t('commentsImmediate')}</option><option value="none">${this.t('commentsNone')}</option>
      </select></label>
      <div class="actions"><button type="submit">${this.t('createBlog')}</button><button type="button" class="secondary" @click=${() => (this.creating = false)}>${this.t('cancel')}</button></div>
    </form>`;
  }

  private renderList() {
    return html`
      <h1 class="visually-hidden">${this.t('blogs')}</h1>
      ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
      ${this.renderCreate()}
      ${this.blogs === null ? nothing : this.blogs.length === 0
        ? html`<preau-empty-state heading=${this.t('empty')}><p>${this.t('emptyHint')}</p></preau-empty-state>`
        : html`<ul class="cards">${this.blogs.map((b) => html`<li class="card">
            ${b.cover ? html`<img class="cover" src=${b.cover} alt="">` : nothing}
            <h2><a href="/apps/blog/blogs/${b.id}">${b.title}</a></h2>
            ${b.description ? html`<p>${b.description}</p>` : nothing}
            ${b.waiting ? html`<p><span class="tag warning">${this.f('tabQueue', { n: b.waiting })}</span></p>` : nothing}
          </li>`)}</ul>`}
    `;
  }

  override render() {
    const [section, id, action] = this.path.replace(/^\/+|\/+$/g, '').split('/');
    const number = id && /^\d+$/.test(id) ? Number(id) : 0;
    if (section === 'blogs' && number && action === 'new') return html`<blog-post-form .blogId=${number}></blog-post-form>`;
    if (section === 'blogs' && number) return html`<blog-page .blogId=${number}></blog-page>`;
    if (section === 'posts' && number && action === 'edit') return html`<blog-post-form .postId=${number}></blog-post-form>`;
    if (section === 'posts' && number) return html`<blog-post-view .postId=${number}></blog-post-view>`;
    return this.renderList();
  }
}
customElements.define('blog-app', BlogApp);

declare global {
  interface HTMLElementTagNameMap {
    'blog-app': BlogApp;
  }
}
