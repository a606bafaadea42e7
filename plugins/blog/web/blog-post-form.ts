import { html, nothing } from 'lit';
import { isoToParisLocal, parisLocalToIso, showToast } from '@preau/sdk/web';
import { roleIncludes, type Blog, type Post } from './api-types.js';
import { BlogElement } from './blog-element.js';

/**
 * Writing a post (`blogId`) or changing one (`postId`): title, the common editor, an optional date to publish
 * later; saved as a draft, or published, or sent for validation when the author's post must wait (a pupil's
 * always, a contributor's on a restrained blog).
 */
export class BlogPostForm extends BlogElement {
  static override properties = {
    blogId: { type: Number }, postId: { type: Number }, blog: { state: true }, post: { state: true }, error: { state: true }, saving: { state: true }, withoutPhoto: { state: true },
  };
  blogId = 0;
  postId = 0;
  blog: Blog | null = null;
  post: Post | null = null;
  error = '';
  saving = false;
  /** Pupils of the blog's classes without photo authorisation (staff only). */
  withoutPhoto: string[] = [];

  override willUpdate(changed: Map<string, unknown>): void {
    if ((changed.has('blogId') || changed.has('postId')) && (this.blogId || this.postId)) void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.post = this.postId ? (await this.api.get<{ post: Post }>(`/api/blog/posts/${this.postId}`)).post : null;
      this.blog = await this.api.get<Blog>(`/api/blog/blogs/${this.post?.blogId ?? this.blogId}`);
      if (this.user?.profile === 'Teacher' || this.user?.profile === 'Personnel') {
        const reminder = await this.api.get<{ pupils: { displayName: string }[] }>(`/api/blog/blogs/${this.blog.id}/photo-reminder`);
        this.withoutPhoto = reminder.pupils.map((p) => p.displayName);
      }
    } catch (error) {
      this.error = this.message(error);
    }
  }

  /** The user's post must wait for a manager (the server decides the same way). */
  private get waits(): boolean {
    if (!this.blog) return true;
    if (this.user?.profile === 'Student') return true;
    return !roleIncludes(this.blog.role, 'manage') && this.blog.publication === 'restrained';
  }

  private async save(submit: boolean): Promise<void> {
    const form = this.renderRoot.querySelector('form')!;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const editor = this.renderRoot.querySelector<HTMLElement & { value: string }>('preau-editor');
    const payload = { title: data.get('title'), body: editor?.value ?? '', publishAt: parisLocalToIso(String(data.get('publishAt') ?? '')) ?? null, submit };
    this.saving = true;
    try {
      const saved = this.post
        ? await this.api.put<Post>(`/api/blog/posts/${this.post.id}`, payload)
        : await this.api.post<Post>(`/api/blog/blogs/${this.blog!.id}/posts`, payload);
      showToast(this.t(saved.state === 'submitted' ? 'submittedToast' : saved.state === 'draft' ? 'draftToast' : saved.state === 'published' ? 'publishedToast' : 'saved'), 'success');
      this.go(`/posts/${saved.id}`);
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.saving = false;
    }
  }

  override render() {
    if (!this.blog) return this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing;
    const post = this.post;
    const own = !post || post.author?.id === this.user?.id;
    const published = post?.state === 'published';
    return html`
      <p><a href="/apps/blog/blogs/${this.blog.id}">← ${this.blog.title}</a></p>
      <h1>${post ? this.t('edit') : this.t('write')}</h1>
      ${own && this.waits ? html`<p class="notice">${this.t('waitsNotice')}</p>` : nothing}
      ${this.withoutPhoto.length ? html`<p class="notice" role="note">${this.f('photoReminder', { names: this.withoutPhoto.join(', ') })}</p>` : nothing}
      <form @submit=${(event: SubmitEvent) => { event.preventDefault(); void this.save(true); }}>
        <label>${this.t('postTitle')}<input name="title" required maxlength="200" autocomplete="off" .value=${post?.title ?? ''}></label>
        <preau-editor label=${this.t('text')} .value=${post?.body ?? ''}></preau-editor>
        ${published ? nothing : html`<label>${this.t('publishAt')}<input type="datetime-local" name="publishAt" .value=${post?.publishAt && post.publishAt > new Date().toISOString() ? isoToParisLocal(post.publishAt) : ''}></label>`}
        ${this.error ? html`<p role="alert" class="error">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving}>${!own ? this.t('save') : this.waits ? this.t('submit') : this.t('publishNow')}</button>
          ${own && !published ? html`<button type="button" class="secondary" ?disabled=${this.saving} @click=${() => this.save(false)}>${this.t('saveDraft')}</button>` : nothing}
          <a class="button quiet" href=${post ? `/apps/blog/posts/${post.id}` : `/apps/blog/blogs/${this.blog.id}`}>${this.t('cancel')}</a>
        </div>
      </form>
    `;
  }
}
customElements.define('blog-post-form', BlogPostForm);

declare global {
  interface HTMLElementTagNameMap {
    'blog-post-form': BlogPostForm;
  }
}
