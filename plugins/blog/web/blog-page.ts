import { html, nothing } from 'lit';
import { formatDateTime, formatDay, openShareDialog, showToast } from '@preau/sdk/web';
import { roleIncludes, type Blog, type Comment, type Post } from './api-types.js';
import { BlogElement } from './blog-element.js';
import './blog-settings.js';

type Tab = 'posts' | 'queue' | 'mine' | 'comments';
const PAGE = 5;

/** One blog: its published posts newest first (paged), and for its writers and managers their drafts, the queue and comments to moderate. */
export class BlogPage extends BlogElement {
  static override properties = {
    blogId: { type: Number }, blog: { state: true }, posts: { state: true }, nextCursor: { state: true }, tab: { state: true },
    queue: { state: true }, mine: { state: true }, pending: { state: true }, error: { state: true },
  };
  blogId = 0;
  blog: Blog | null = null;
  posts: Post[] = [];
  nextCursor: string | null = null;
  tab: Tab = 'posts';
  queue: Post[] = [];
  mine: Post[] = [];
  pending: Comment[] = [];
  error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('blogId') && this.blogId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [blog, page] = await Promise.all([
        this.api.get<Blog>(`/api/blog/blogs/${this.blogId}`),
        this.api.get<{ posts: Post[]; nextCursor: string | null }>(`/api/blog/blogs/${this.blogId}/posts?limit=${PAGE}`),
      ]);
      this.blog = blog;
      this.posts = page.posts;
      this.nextCursor = page.nextCursor;
      const manages = roleIncludes(blog.role, 'manage');
      const [queue, mine, pending] = await Promise.all([
        manages ? this.api.get<Post[]>(`/api/blog/blogs/${this.blogId}/queue`) : [],
        roleIncludes(blog.role, 'contribute') ? this.api.get<Post[]>(`/api/blog/blogs/${this.blogId}/mine`) : [],
        manages && blog.comments === 'moderated' ? this.api.get<Comment[]>(`/api/blog/blogs/${this.blogId}/pending-comments`) : [],
      ]);
      [this.queue, this.mine, this.pending] = [queue, mine, pending];
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async more(): Promise<void> {
    const page = await this.api.get<{ posts: Post[]; nextCursor: string | null }>(`/api/blog/blogs/${this.blogId}/posts?limit=${PAGE}&cursor=${this.nextCursor}`);
    this.posts = [...this.posts, ...page.posts];
    this.nextCursor = page.nextCursor;
  }

  private async toggleFollow(): Promise<void> {
    const following = !this.blog!.following;
    await this.api.put(`/api/blog/blogs/${this.blogId}/follow`, { following });
    this.blog = { ...this.blog!, following };
  }

  private async share(): Promise<void> {
    const dialog = await openShareDialog({ app: 'blog', type: 'blog', resourceId: String(this.blogId), resourceName: this.blog!.title });
    dialog.addEventListener('share-changed', () => void this.load());
  }

  private async moderate(comment: Comment, approve: boolean): Promise<void> {
    try {
      if (approve) await this.api.post(`/api/blog/comments/${comment.id}/approve`);
      else await this.api.delete(`/api/blog/comments/${comment.id}`);
      this.pending = this.pending.filter((c) => c.id !== comment.id);
    } catch (error) {
      showToast(this.message(error), 'error');
    }
  }

  private state(post: Post) {
    if (post.state === 'scheduled') return this.f('stateScheduled', { date: formatDateTime(post.publishAt!, this.language) });
    return this.t(post.state === 'draft' ? 'stateDraft' : post.state === 'submitted' ? 'stateSubmitted' : 'statePublished');
  }

  private renderPost(post: Post, full: boolean) {
    return html`<article class="card">
      <h2><a href="/apps/blog/posts/${post.id}">${post.title}</a></h2>
      <p class="meta">
        ${post.publishedAt ? this.f('publishedOn', { date: formatDay(post.publishedAt, this.language) }) : html`<span class="tag warning">${this.state(post)}</span>`}
        ${post.author ? html` — ${this.f('by', { name: post.author.displayName })}` : nothing}
      </p>
      ${post.returnedComment ? html`<p class="notice">${this.f('returned', { comment: post.returnedComment })}</p>` : nothing}
      ${full ? html`<preau-rich-text class="body" .html=${post.body}></preau-rich-text>` : nothing}
    </article>`;
  }

  private renderTab() {
    if (this.tab === 'queue') {
      return this.queue.length ? this.queue.map((p) => this.renderPost(p, false)) : html`<preau-empty-state heading=${this.t('noQueue')}></preau-empty-state>`;
    }
    if (this.tab === 'mine') {
      return this.mine.length ? this.mine.map((p) => this.renderPost(p, false)) : html`<preau-empty-state heading=${this.t('noMine')}></preau-empty-state>`;
    }
    if (this.tab === 'comments') {
      return this.pending.length
        ? html`<ul class="list">${this.pending.map((c) => html`<li>
            <p><strong>${c.author?.displayName ?? ''}</strong> <span class="meta">${formatDateTime(c.createdAt, this.language)}</span></p>
            <p>${c.body}</p>
            <p><a href="/apps/blog/posts/${c.postId}">${this.t('readMore')}</a></p>
            <div class="actions"><button @click=${() => this.moderate(c, true)}>${this.t('approve')}</button><button class="danger" @click=${() => this.moderate(c, false)}>${this.t('delete')}</button></div>
          </li>`)}</ul>`
        : html`<preau-empty-state heading=${this.t('noPending')}></preau-empty-state>`;
    }
    return html`${this.posts.length ? this.posts.map((p) => this.renderPost(p, true)) : html`<preau-empty-state heading=${this.t('noPosts')}></preau-empty-state>`}
      ${this.nextCursor ? html`<div class="actions"><button class="secondary" @click=${this.more}>${this.t('more')}</button></div>` : nothing}`;
  }

  override render() {
    if (this.error) return html`<p role="alert" class="error">${this.error}</p>`;
    const blog = this.blog;
    if (!blog) return nothing;
    const manages = roleIncludes(blog.role, 'manage');
    const contributes = roleIncludes(blog.role, 'contribute');
    const tabs = [
      { id: 'posts', label: this.t('tabPosts') },
      ...(manages ? [{ id: 'queue', label: this.f('tabQueue', { n: this.queue.filter((p) => p.state === 'submitted').length }) }] : []),
      ...(contributes ? [{ id: 'mine', label: this.t('tabMine') }] : []),
      ...(manages && blog.comments === 'moderated' ? [{ id: 'comments', label: this.t('tabComments') }] : []),
    ];
    return html`
      <header>
        ${blog.cover ? html`<img class="cover" src=${blog.cover} alt="">` : nothing}
        <h1>${blog.title}</h1>
        ${blog.description ? html`<p>${blog.description}</p>` : nothing}
        ${blog.slug ? html`<p class="meta">${this.f('publicAt', { url: '' })}<a href="/pub/blog/${blog.slug}" target="_blank" rel="noopener">${location.origin}/pub/blog/${blog.slug}</a></p>` : nothing}
        <div class="actions">
          ${contributes ? html`<a class="button" href="/apps/blog/blogs/${blog.id}/new">${this.t('write')}</a>` : nothing}
          <button class="secondary" aria-pressed=${blog.following ? 'true' : 'false'} title=${this.t('followHint')} @click=${this.toggleFollow}>${this.t(blog.following ? 'following' : 'follow')}</button>
          ${manages ? html`<button class="secondary" @click=${this.share}>${this.t('share')}</button>
            <button class="secondary" @click=${() => this.renderRoot.querySelector('blog-settings')?.open()}>${this.t('settings')}</button>` : nothing}
        </div>
      </header>
      ${tabs.length > 1 ? html`<preau-tabs label=${blog.title} .tabs=${tabs} .selected=${this.tab} @preau-tab-change=${(e: CustomEvent<string>) => (this.tab = e.detail as Tab)}></preau-tabs>` : nothing}
      <section role="tabpanel" aria-label=${tabs.find((tab) => tab.id === this.tab)?.label ?? ""}>${this.renderTab()}</section>
      ${manages ? html`<blog-settings .blog=${blog} @blog-changed=${(e: CustomEvent<Blog>) => (this.blog = e.detail)}></blog-settings>` : nothing}
    `;
  }
}
customElements.define('blog-page', BlogPage);

declare global {
  interface HTMLElementTagNameMap {
    'blog-page': BlogPage;
  }
}
