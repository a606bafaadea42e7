import type { PluginServices } from '@preau/sdk';

const CHANNEL = 'blog_public_changed';
/** Rendered pages kept per process (a few public blogs, their pages, posts and feeds). */
const PAGE_ENTRIES = 500;

/** A public blog's row, as its pages need it. */
export interface PublicBlog {
  id: number;
  school_id: number;
  title: string;
  description: string;
  cover_blob_id: string | null;
  slug: string;
  version: number;
}

/** What a slug answers: a public blog, a redirection to its address of today, or nothing. */
export type SlugAnswer = { blog: PublicBlog } | { movedTo: string } | null;

export interface Rendered {
  body: string;
  type: string;
  etag: string;
}

/**
 * What the public pages remember, per process: each slug's answer and rendered pages keyed by the blog's
 * version. Every write that changes what a public page shows says so (`changed`) after its commit: the slugs
 * are forgotten here at once and, through the event bus (PostgreSQL LISTEN/NOTIFY), on every other process, so
 * an unpublished post is gone from every process's page. A lookup that raced with a change is not kept.
 */
export class PublicCache {
  private readonly slugs = new Map<string, SlugAnswer>();
  readonly pages = new Map<string, Rendered>();
  private generation = 0;

  constructor(private readonly services: Pick<PluginServices, 'events' | 'log'>) {}

  /** Listens for the other processes' changes (call once, when the routes are registered). */
  async listen(): Promise<void> {
    await this.services.events.subscribe(CHANNEL, () => this.forget());
  }

  /** The slug's answer, from memory or from `load` (kept only if nothing changed meanwhile). */
  async lookup(slug: string, load: () => Promise<SlugAnswer>): Promise<SlugAnswer> {
    if (this.slugs.has(slug)) return this.slugs.get(slug)!;
    const before = this.generation;
    const answer = await load();
    if (before === this.generation) this.slugs.set(slug, answer);
    return answer;
  }

  /** A rendered page: kept under its key (which holds the blog's version); the oldest goes past the limit. */
  remember(key: string, rendered: Rendered): void {
    if (this.pages.size >= PAGE_ENTRIES) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, rendered);
  }

  private forget(): void {
    this.generation += 1;
    this.slugs.clear();
  }

  /** Call after the commit of a write that may change a public page: this process and every other one forget. */
  async changed(): Promise<void> {
    this.forget();
    await this.services.events.publish(CHANNEL, {}).catch((error: unknown) => this.services.log.error({ err: error }, 'blog: the public pages could not be told of a change'));
  }
}

const caches = new WeakMap<object, PublicCache>();

/** The cache of this plugin instance (the routes, the public pages and the jobs share one `services`). */
export function publicCache(services: Pick<PluginServices, 'events' | 'log'>): PublicCache {
  let cache = caches.get(services);
  if (!cache) {
    cache = new PublicCache(services);
    caches.set(services, cache);
  }
  return cache;
}
