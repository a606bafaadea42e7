import { css, type CSSResultGroup } from 'lit';
import { AppElement, preauStyles } from '@preau/sdk/web';
import { texts, type TextKey } from './texts.js';

/** What every element of the blog shares: the SDK's app element with the blog's texts and styles. */
export class BlogElement extends AppElement<TextKey> {
  // Préau's design system (buttons, fields, cards, lists, focus, contrast AA), then what only the blog shows.
  static override styles: CSSResultGroup = [preauStyles, css`
    :host { display: block; }
    .tag { display: inline-block; font-size: 0.85rem; font-weight: 600; border-radius: 999px; padding: 0.1rem 0.6rem; background: #e8eefb; color: #1b3f80; }
    .tag.warning { background: #fff3cd; color: #5c4400; }
    .body { overflow-wrap: anywhere; }
    .body img { max-width: 100%; height: auto; }
    img.cover { width: 100%; max-height: 14rem; object-fit: cover; border-radius: 8px; }
    .meta { color: var(--preau-muted, #4a5263); font-size: 0.95rem; }
  `];

  protected readonly app = 'blog';
  protected readonly texts = texts;
}
