import { AppElement } from '@preau/sdk/web';
import { texts, type TextKey } from './texts.js';

/** What every element of the books shares: the SDK's app element with the media app's texts. */
export class MediaElement extends AppElement<TextKey> {
  protected readonly app = 'media';
  protected readonly texts = texts;
}
