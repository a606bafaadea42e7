import { html, nothing } from 'lit';
import { formatDateTime, formatDay, showToast } from '@preau/sdk/web';
import type { Comment, Post } from './api-types.js';
import { BlogElement } from './blog-element.js';

/** One post on its own page: its text, what its author or a manager may do with it, and its comments. */
export class BlogPostView extends BlogElement {
  static override properties = { postId: { type: Number }, post: { state: true }, comments: { state: true }, canComment: { state: true }, error: { state: true } };
  postId = 0;
  post: Post | null = null;
  comments: Comment[] = [];
  canComment = false;
  error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('postId') && this.postId) void this.load();
  }

  private async load(): Promise<void> {
    try {
      const answer = await this.api.get<{ post: Post; comments: Comment[]; canComment: boolean }>(`/api/blog/posts/${this.postId}`);
      [this.post, this.comments, this.canComment] = [answer.post, answer.comments, answer.canComment];
      this.error = '';
    } catch (error) {
      this.error = this.message(error);
    }
  }

  private async act(action: () => Promise<unknown>, toast?: string): Promise<void> {
    try {
      await action();
      if (toast) showToast(toast, 'success');
      await this.load();
    } catch (error) {
      showToast(this.message(error), 'error');
    }
  }

  private async sendBack(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const comment = new FormData(event.target as HTMLFormElement).get('comment');
    this.renderRoot.querySelector<HTMLElement & { close(): void }>('#send-back')?.close();
    await this.act(() => this.api.post(`/api/blog/posts/${this.postId}/return`, { comment }), this.t('returnedToast'));
  }

  private async deletePost(): Promise<void> {
    if (!confirm(this.t('confirmDelete'))) return;
    try {
      await this.api.delete(`/api/blog/posts/${this.postId}`);
      this.go(`/blogs/${this.post!.blogId}`);
    } catch (error) {
      showToast(this.message(error), 'error');
    }
  }

  private async comment(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    try {
      const created = await this.api.post<Comment>(`/api/blog/posts/${this.postId}/comments`, { body: new FormData(form).get('body') });
      form.reset();
      showToast(this.t(created.state === 'pending' ? 'commentSentModerated' : 'commentSent'), 'success');
      await this.load();
    } catch (error) {
      showToast(this.message(error), 'error');
    }
  }

  override render() {
    if (this.error) return html`<p role="alert" class="error">${this.error}</p>`;
    const post = this.post;
    if (!post) return nothing;
    const waiting = post.state === 'submitted' || post.state === 'scheduled';
    return html`
      <p><a href="/apps/blog/blogs/${post.blogId}">← ${this.t('back')}</a></p>
      <article>
        <h1>${post.title}</h1>
        <p class="meta">
          ${post.publishedAt ? this.f('publishedOn', { date: formatDay(post.publishedAt, this.language) }) : html`<span class="tag warning">${post.state === 'scheduled' ? this.f('stateScheduled', { date: formatDateTime(post.publishAt!, this.language) }) : this.t(post.state === 'draft' ? 'stateDraft' : 'stateSubmitted')}</span>`}
          ${post.author ? html` — ${this.f('by', { name: post.author.displayName })}` : nothing}
        </p>
        ${post.returnedComment ? html`<p class="notice">${this.f('returned', { comment: post.returnedComment })}</p>` : nothing}
        <preau-rich-text class="body" .html=${post.body}></preau-rich-text>
      </article>
      <div class="actions">
        ${post.canEdit ? html`<a class="button secondary" href="/apps/blog/posts/${post.id}/edit">${this.t('edit')}</a>` : nothing}
        ${post.canManage && waiting ? html`<button @click=${() => this.act(() => this.api.post(`/api/blog/posts/${post.id}/publish`, {}), this.t('publishedToast'))}>${this.t('publish')}</button>` : nothing}
        ${post.canManage && post.state !== 'draft' ? html`<button class="secondary" @click=${() => this.renderRoot.querySelector<HTMLElement & { show(): void }>('#send-back')?.show()}>${this.t('sendBack')}</button>` : nothing}
        ${post.canManage && post.state === 'published' ? html`<button class="secondary" @click=${() => this.act(() => this.api.post(`/api/blog/posts/${post.id}/unpublish`))}>${this.t('unpublish')}</button>` : nothing}
        <a class="button quiet" href="/api/blog/posts/${post.id}/print" target="_blank" rel="noopener">${this.t('print')}</a>
        ${post.canEdit || post.canManage ? html`<button class="danger" @click=${this.deletePost}>${this.t('delete')}</button>` : nothing}
      </div>
      ${post.canManage ? html`<preau-dialog id="send-back" heading=${this.t('sendBack')}>
        <form id="send-back-form" @submit=${this.sendBack}><label>${this.t('sendBackComment')}<textarea name="comment" required maxlength="2000" rows="4"></textarea></label></form>
        <div slot="actions" class="actions"><button type="submit" form="send-back-form">${this.t('sendBack')}</button></div>
      </preau-dialog>` : nothing}
      ${post.state === 'published' ? html`<section aria-labelledby="comments">
        <h2 id="comments">${this.t('commentsTitle')}</h2>
        ${this.comments.length ? html`<ul class="list">${this.comments.map((c) => html`<li>
          <p><strong>${c.author?.displayName ?? ''}</strong> <span class="meta">${formatDateTime(c.createdAt, this.language)}</span>
            ${c.state === 'pending' ? html`<span class="tag warning">${this.t('commentPending')}</span>` : nothing}</p>
          <p>${c.body}</p>
          <div class="actions">
            ${post.canManage && c.state === 'pending' ? html`<button class="secondary" @click=${() => this.act(() => this.api.post(`/api/blog/comments/${c.id}/approve`))}>${this.t('approve')}</button>` : nothing}
            ${c.canDelete ? html`<button class="quiet" @click=${() => this.act(() => this.api.delete(`/api/blog/comments/${c.id}`))}>${this.t('delete')}</button>` : nothing}
          </div>
        </li>`)}</ul>` : html`<p class="muted">${this.t('noComments')}</p>`}
        ${this.canComment ? html`<form @submit=${this.comment}>
          <label>${this.t('yourComment')}<textarea name="body" required maxlength="2000" rows="3"></textarea></label>
          <div class="actions"><button type="submit">${this.t('sendComment')}</button></div>
        </form>` : nothing}
      </section>` : nothing}
    `;
  }
}
customElements.define('blog-post-view', BlogPostView);

declare global {
  interface HTMLElementTagNameMap {
    'blog-post-view': BlogPostView;
  }
}
